using Exchange.Journal.Format;

namespace Exchange.Journal.Storage;

/// <summary>Segments as files in one directory. Creating a segment pre-allocates and zero-fills it
/// (<c>fallocate</c> then a size change), then fdatasyncs so the size is durable.
/// Limitation: the directory itself is not fsynced (.NET cannot open a directory handle); on ext4 and XFS
/// the fsync of a new file in practice also persists its directory entry (POSIX does not promise it).</summary>
public sealed class FileJournalStorage : IJournalStorage
{
    private readonly string _directory;

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

    public IJournalSegment Create(string name, long length)
    {
        var handle = File.OpenHandle(PathOf(name), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read,
            FileOptions.None, preallocationSize: length);
        try
        {
            RandomAccess.SetLength(handle, length);
            RandomAccess.FlushToDisk(handle);
            DirectorySync.Flush(_directory); // the new file's name must survive a power loss too
            return new FileJournalSegment(name, handle);
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

    /// <summary>Holds no handles of its own; segments are disposed by whoever opened them.</summary>
    public void Dispose()
    {
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
