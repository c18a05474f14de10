using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Exchange.Journal.Storage;

/// <summary>fdatasync of a file on Linux: its data, and the metadata needed to read that data back (size, extents),
/// are durable when it returns — the journal's promise — without also committing the inode's times, which
/// <see cref="RandomAccess.FlushToDisk"/> (fsync) does on every call. Elsewhere it is <see cref="RandomAccess.FlushToDisk"/>
/// (on macOS that is F_FULLFSYNC, the only flush there that reaches the medium).</summary>
public static partial class DataSync
{
    private const int Interrupted = 4; // EINTR

    /// <summary>Makes the completed writes of <paramref name="handle"/> durable. Throws <see cref="IOException"/> if
    /// the kernel reports a failure.</summary>
    public static void Flush(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            RandomAccess.FlushToDisk(handle);
            return;
        }
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            int fd = (int)handle.DangerousGetHandle();
            int result;
            while ((result = Fdatasync(fd)) != 0 && Marshal.GetLastPInvokeError() == Interrupted)
            {
            }
            if (result != 0)
            {
                throw new IOException($"fdatasync failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int Fdatasync(int fd);
}
