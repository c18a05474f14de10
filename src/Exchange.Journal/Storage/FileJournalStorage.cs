using Exchange.Journal.Format;
using Microsoft.Win32.SafeHandles;

namespace Exchange.Journal.Storage;

/// <summary>Segments as files in one directory. Creating a segment pre-allocates and zero-fills it
/// (<c>fallocate</c> then a size change), then fdatasyncs so the size is durable.
/// Limitation: the directory itself is not fsynced (.NET cannot open a directory handle); on ext4 and XFS
/// the fsync of a new file in practice also persists its directory entry (POSIX does not promise it).</summary>
public sealed class FileJournalStorage : IJournalStorage
{
    private readonly string _directory;
    private SpareSegment? _spare;
    private long _spareLength;

    /// <summary>Uses (and creates if missing) <paramref name="directory"/>.</summary>
    public FileJournalStorage(string directory)
    {
        _directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(_directory);
    }

    public string DirectoryPath => _directory;

    public IReadOnlyList<string> ListSegments()
    {
        var names = Directory.EnumerateFiles(_directory, SegmentName.Pattern)
            .Select(Path.GetFileName)
            .OfType<string>()
            .ToList();
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>From now on keeps the next segment, of <paramref name="length"/> bytes, created ahead on a background
    /// task for <see cref="Create"/> to take (see <see cref="SpareSegment"/>). For the journal writer's storage; call it
    /// after recovery, from the thread that will write (or before it starts). The spare is one more file of that
    /// length in the directory.</summary>
    public void KeepSpareSegment(long length)
    {
        _spare ??= new SpareSegment(_directory);
        _spareLength = length;
        _spare.Prepare(length);
    }

    /// <summary>Waits until the spare segment being created, if any, is ready (tests).</summary>
    internal void WaitForSpareSegment() => _spare?.WaitUntilReady();

    public IJournalSegment Create(string name, long length)
    {
        if (_spare is not null && _spare.TryTake(PathOf(name), length))
        {
            // Its size and allocation were made durable before it was ready; only the new name needs to be.
            DirectorySync.Flush(_directory);
            _spare.Prepare(_spareLength);
            return Open(name);
        }
        _spare?.Prepare(_spareLength);
        var handle = CreateAllocated(PathOf(name), length, FileMode.CreateNew);
        try
        {
            DirectorySync.Flush(_directory); // the new file's name must survive a power loss too
            return new FileJournalSegment(name, handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Creates a file allocated to its full <paramref name="length"/> and zero-filled (recovery reads zeros
    /// as the end of the records), its size and allocation durable; its name is the caller's to make durable.</summary>
    internal static SafeFileHandle CreateAllocated(string path, long length, FileMode mode)
    {
        var handle = File.OpenHandle(path, mode, FileAccess.ReadWrite, FileShare.Read, FileOptions.None, preallocationSize: length);
        try
        {
            RandomAccess.SetLength(handle, length);
            RandomAccess.FlushToDisk(handle);
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public IJournalSegment Open(string name) =>
        new FileJournalSegment(name,
            File.OpenHandle(PathOf(name), FileMode.Open, FileAccess.ReadWrite, FileShare.Read, FileOptions.None));

    public void Delete(string name)
    {
        File.Delete(PathOf(name));
        DirectorySync.Flush(_directory);
    }

    /// <summary>Waits for a spare segment being created and removes it. Holds no handles: segments are disposed by
    /// whoever opened them.</summary>
    public void Dispose()
    {
        _spare?.Dispose();
        _spare = null;
    }

    private string PathOf(string name)
    {
        if (name.Length == 0 || name.AsSpan().IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"Invalid segment name '{name}'", nameof(name));
        }
        return Path.Combine(_directory, name);
    }
}
