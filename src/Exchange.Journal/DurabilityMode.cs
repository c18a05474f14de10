namespace Exchange.Journal;

/// <summary>When <see cref="JournalWriter.DurableSequence"/> advances, i.e. what an acknowledgement promises.</summary>
public enum DurabilityMode
{
    /// <summary>After the batch's write and its fdatasync have both returned. An acknowledged command survives
    /// a process crash, a kernel crash and a power loss (given a disk that honours flushes).</summary>
    Fsync = 0,

    /// <summary>As soon as the batch's write to the OS has returned; the writer never calls fdatasync.
    /// Survives a process crash (kill -9: the data is in the kernel's page cache). On a kernel crash or power
    /// loss, everything written since the OS last wrote those pages back is lost (Linux: typically up to
    /// ~30 s), and because the kernel writes pages back in any order, recovery may then find a hole in the
    /// middle of the log and stop with <see cref="JournalCorruptedException"/>.</summary>
    None = 1,
}
