using System.Buffers.Binary;
using System.Globalization;

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

    public SnapshotStore(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }

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

    /// <summary>Writes a snapshot atomically; <paramref name="state"/> is the serialized state. Keeps the newest
    /// <paramref name="keep"/> snapshots and deletes older ones.</summary>
    public void Save(long sequence, ReadOnlySpan<byte> state, int keep = 2)
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
        foreach (long old in List().Skip(keep))
        {
            File.Delete(PathOf(old));
        }
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
