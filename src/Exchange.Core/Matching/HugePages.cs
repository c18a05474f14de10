using System.Runtime.InteropServices;

namespace Exchange.Core.Matching;

/// <summary>Asks Linux to back a large buffer with 2 MB pages (transparent huge pages, <c>madvise</c> mode): a hint
/// only, nothing depends on it being taken, and elsewhere it does nothing.</summary>
internal static partial class HugePages
{
    public const nuint PageBytes = 2 * 1024 * 1024;

    private const int MadvHugePage = 14;

    /// <summary>Whether a buffer of this size is large enough to ask for (a few pages at least).</summary>
    public static bool IsWorthAsking(nuint bytes) => OperatingSystem.IsLinux() && bytes >= 2 * PageBytes;

    /// <summary>Offers the whole 2 MB pages inside the range; call before the memory is first touched (pages already
    /// present stay as they are).</summary>
    public static void Advise(nint address, nuint length)
    {
        if (!IsWorthAsking(length))
        {
            return;
        }
        nint start = (nint)(((nuint)address + PageBytes - 1) & ~(PageBytes - 1));
        nint end = (nint)(((nuint)address + length) & ~(PageBytes - 1));
        if (end <= start)
        {
            return;
        }
        try
        {
            _ = Madvise(start, (nuint)(end - start), MadvHugePage);
        }
        catch (DllNotFoundException)
        {
            // Not glibc: no hint.
        }
        catch (EntryPointNotFoundException)
        {
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
