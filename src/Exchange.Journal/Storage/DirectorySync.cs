using System.Runtime.InteropServices;

namespace Exchange.Journal.Storage;

/// <summary>fsync of a directory, so that a file created, renamed or deleted in it survives a power loss (POSIX
/// makes the directory entry durable only then). .NET has no API for it, so this calls libc on Linux and macOS;
/// elsewhere it does nothing.</summary>
public static partial class DirectorySync
{
    private const int ReadOnly = 0; // O_RDONLY

    /// <summary>Makes the entries of <paramref name="directory"/> durable. Throws <see cref="IOException"/> if the
    /// kernel reports a failure.</summary>
    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }
        int fd = Open(directory, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Cannot open directory {directory} to sync it (errno {Marshal.GetLastPInvokeError()}).");
        }
        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory {directory} failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
