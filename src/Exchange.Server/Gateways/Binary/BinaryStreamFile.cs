using System.Buffers.Binary;

namespace Exchange.Server.Gateways.Binary;

/// <summary>Keeps the binary gateway's streams across a clean restart: at shutdown each stream's retained
/// messages are written to <c>{directory}/{user}.{stream}.stream</c> (through a temporary file and a rename);
/// at start they are read back and the files deleted, so a stream file only ever describes a stream that was
/// shut down cleanly. After a crash there is no file and the stream starts afresh as a new instance, which
/// Login Accepted tells the client. Layout: magic <c>EXSTRM01</c>, instance u64, next sequence u64, account
/// i64, message count u32, slot size u32, then the messages oldest first, one slot each.</summary>
internal static class BinaryStreamFile
{
    private const int HeaderLength = 40;
    private static readonly byte[] Magic = "EXSTRM01"u8.ToArray();

    public static void Save(string directory, BinaryStream stream)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, $"{stream.Username}.{stream.Name}.stream");
        string temporary = path + ".tmp";
        var (next, slots) = stream.Export();
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            var header = new byte[HeaderLength];
            Magic.CopyTo(header, 0);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), stream.Instance);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(16), next);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(24), stream.Account);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(32), (uint)(slots.Length / BinaryStream.SlotSize));
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(36), BinaryStream.SlotSize);
            file.Write(header);
            file.Write(slots);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads and deletes every stream file of <paramref name="directory"/>; files that do not parse are
    /// deleted too (their stream starts afresh).</summary>
    public static List<(string User, string Name, ulong Instance, ulong Next, long Account, byte[] Slots)> LoadAndDelete(string directory)
    {
        var streams = new List<(string, string, ulong, ulong, long, byte[])>();
        if (!Directory.Exists(directory))
        {
            return streams;
        }
        foreach (string path in Directory.GetFiles(directory, "*.stream*"))
        {
            try
            {
                string[] name = Path.GetFileName(path).Split('.');
                if (name.Length != 3 || name[2] != "stream")
                {
                    continue;
                }
                byte[] bytes = File.ReadAllBytes(path);
                if (bytes.Length < HeaderLength || !bytes.AsSpan(0, 8).SequenceEqual(Magic)
                    || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(36)) != BinaryStream.SlotSize)
                {
                    continue;
                }
                uint count = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(32));
                if ((long)count * BinaryStream.SlotSize != bytes.Length - HeaderLength)
                {
                    continue;
                }
                streams.Add((name[0], name[1], BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(8)), BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(16)),
                    BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(24)), bytes[HeaderLength..]));
            }
            finally
            {
                File.Delete(path);
            }
        }
        return streams;
    }
}
