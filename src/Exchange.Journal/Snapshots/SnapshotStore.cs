using System.Buffers.Binary;
using System.Globalization;
using Exchange.Journal.Storage;

namespace Exchange.Journal.Snapshots;

/// <summary>Snapshot files in a directory, named <c>snapshot-{sequence:D20}.snap</c> where sequence is the last
/// journal sequence the snapshot includes. A file is written to a temporary name, fdatasynced, then renamed, so
/// a crash never leaves a half-written file under a snapshot name. Each file starts with a 16-byte header
/// (magic "EXSNAPF1", the sequence) before the state's own bytes.</summary>
public sealed class SnapshotStore
{
    /// <summary>Bytes before the state in a snapshot file (magic, sequence).</summary>
    public const int HeaderSize = 16;

    private const ulong Magic = 0x3146_5041_4E53_5845; // "EXSNAPF1"
    private const string Prefix = "snapshot-";
    private const string Suffix = ".snap";

    private readonly IJournalStorage? _prunedJournal;

    /// <param name="directory">Where the snapshot files are (created if missing).</param>
    /// <param name="retain">Snapshots kept: <see cref="Save"/> deletes the oldest beyond this count.</param>
    /// <param name="prunedJournal">If set, <see cref="Save"/> then deletes the segments of this journal whose records
    /// are all in the oldest snapshot kept (<see cref="JournalPruning"/>), so that recovery can fall back to any
    /// kept snapshot. A separate instance over the journal's directory: it runs on the thread that saves.</param>
    public SnapshotStore(string directory, int retain = 2, IJournalStorage? prunedJournal = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retain, 1);
        Directory = directory;
        Retain = retain;
        _prunedJournal = prunedJournal;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }

    /// <summary>Snapshots kept.</summary>
    public int Retain { get; }

    /// <summary>Sequences of the snapshots present, newest first.</summary>
    public IReadOnlyList<long> List() =>
        System.IO.Directory.EnumerateFiles(Directory, Prefix + "*" + Suffix)
            .Select(Path.GetFileName)
            .Select(name => long.TryParse(name![Prefix.Length..^Suffix.Length], NumberStyles.None, CultureInfo.InvariantCulture, out long s) ? s : -1)
            .Where(s => s >= 0)
            .OrderDescending()
            .ToList();

    public string PathOf(long sequence) =>
        Path.Combine(Directory, Prefix + sequence.ToString("D20", CultureInfo.InvariantCulture) + Suffix);

    /// <summary>Writes a snapshot atomically and durably; <paramref name="state"/> is the serialized state. Then
    /// keeps the newest <see cref="Retain"/> snapshots, deleting older ones, and prunes the journal if the store was
    /// given one. Returns the journal segments deleted.</summary>
    public IReadOnlyList<string> Save(long sequence, ReadOnlySpan<byte> state)
    {
        string final = PathOf(sequence);
        string temporary = final + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            Span<byte> header = stackalloc byte[HeaderSize];
            BinaryPrimitives.WriteUInt64LittleEndian(header, Magic);
            BinaryPrimitives.WriteInt64LittleEndian(header[8..], sequence);
            file.Write(header);
            file.Write(state);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, final, overwrite: true);
        Storage.DirectorySync.Flush(Directory); // the rename itself must be durable
        var kept = List();
        foreach (long old in kept.Skip(Retain))
        {
            File.Delete(PathOf(old));
        }
        // Only after the new snapshot is durable, and only up to the oldest one kept: if the newest turns out
        // damaged at the next start, recovery falls back to an older one and needs the journal after it.
        return _prunedJournal is null ? [] : JournalPruning.Prune(_prunedJournal, kept[Math.Min(Retain, kept.Count) - 1]);
    }

    /// <summary>Loads the newest snapshot that <paramref name="read"/> accepts (it throws
    /// <see cref="InvalidDataException"/> for a damaged one, and the next older is tried). Null if none.</summary>
    public (long Sequence, T State)? LoadNewest<T>(Func<Stream, T> read, Action<long, Exception>? onDamaged = null)
    {
        foreach (long sequence in List())
        {
            try
            {
                using var file = File.OpenRead(PathOf(sequence));
                Span<byte> header = stackalloc byte[HeaderSize];
                file.ReadExactly(header);
                if (BinaryPrimitives.ReadUInt64LittleEndian(header) != Magic || BinaryPrimitives.ReadInt64LittleEndian(header[8..]) != sequence)
                {
                    throw new InvalidDataException("bad snapshot file header");
                }
                return (sequence, read(file));
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                onDamaged?.Invoke(sequence, e);
            }
        }
        return null;
    }
}
