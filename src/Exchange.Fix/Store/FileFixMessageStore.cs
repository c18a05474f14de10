using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;

namespace Exchange.Fix.Store;

/// <summary>An <see cref="IFixMessageStore"/> in two files of a directory: <c>seqnums</c> (16 bytes: next sender and
/// next target MsgSeqNum, little-endian int64, overwritten in place through a shared memory mapping, so a new number
/// costs a store to memory rather than a system call on every message received) and <c>messages</c> (append-only records:
/// int32 length, int32 MsgSeqNum, the message bytes). The index MsgSeqNum → record is rebuilt from <c>messages</c>
/// on open; a torn last record (crash mid-append) is cut off.
/// Durability: outbound messages and the next sender MsgSeqNum are buffered and written to the operating system
/// together by <see cref="Flush"/> (one write for a batch of reports instead of two per message), which the session
/// calls before anything goes to the wire and at the end of each batch; a new target MsgSeqNum (a message received)
/// is written at once, with what is buffered before it. So whatever was sent, or received and acted on, survives
/// the process being killed; reports produced but not yet flushed (never sent) are lost with it, like the events
/// still queued for the session. Nothing is fsynced: a power loss can lose the last changes (the counterparty then
/// sees a sequence gap or a too-low number and the session is reset by the operators, as with any FIX engine's file
/// store).</summary>
public sealed class FileFixMessageStore : IFixMessageStore
{
    private const int RecordHeader = 8;
    private const int SeqNumsLength = 16;
    // Beyond this many buffered bytes a Store writes them out itself (bounds the buffer between flushes).
    private const int MaxBuffered = 256 * 1024;

    private readonly string _messagesPath;
    private readonly MemoryMappedFile _seqNumsFile;
    private readonly MemoryMappedViewAccessor _seqNums;
    private readonly FileStream _messages;
    private readonly Dictionary<int, (long Offset, int Length)> _index = [];
    private readonly byte[] _header = new byte[RecordHeader];
    // Records stored but not yet written: they follow the file's _flushedLength bytes.
    private byte[] _buffer = new byte[16 * 1024];
    private int _buffered;
    private bool _senderNumberBuffered;
    // Invariants: _flushedLength is the size of the messages file (every byte of it a complete record); _length is
    // that plus the buffered records (offsets in the index count both).
    private long _flushedLength;
    private long _length;

    public FileFixMessageStore(string directory)
    {
        Directory.CreateDirectory(directory);
        _messagesPath = Path.Combine(directory, "messages");
        string seqNumsPath = Path.Combine(directory, "seqnums");
        bool existing = File.Exists(seqNumsPath) && new FileInfo(seqNumsPath).Length == SeqNumsLength;
        // A shared mapping: what is stored in it is in the page cache at once, so it survives the process being
        // killed exactly as a write() would (and, like that, reaches the disk when the kernel writes it back).
        _seqNumsFile = MemoryMappedFile.CreateFromFile(seqNumsPath, FileMode.OpenOrCreate, null, SeqNumsLength, MemoryMappedFileAccess.ReadWrite);
        _seqNums = _seqNumsFile.CreateViewAccessor(0, SeqNumsLength);
        if (existing)
        {
            NextSenderMsgSeqNum = checked((int)LittleEndian(_seqNums.ReadInt64(0)));
            NextTargetMsgSeqNum = checked((int)LittleEndian(_seqNums.ReadInt64(8)));
        }
        else
        {
            NextSenderMsgSeqNum = NextTargetMsgSeqNum = 1;
            WriteSeqNums();
        }
        _messages = new FileStream(_messagesPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1);
        LoadIndex();
    }

    public int NextSenderMsgSeqNum { get; private set; }

    public int NextTargetMsgSeqNum { get; private set; }

    public void SetNextSenderMsgSeqNum(int value)
    {
        NextSenderMsgSeqNum = value;
        _senderNumberBuffered = true;
    }

    public void SetNextTargetMsgSeqNum(int value)
    {
        NextTargetMsgSeqNum = value;
        WriteBufferedRecords();
        WriteSeqNums();
    }

    public void Store(int msgSeqNum, ReadOnlySpan<byte> message)
    {
        int size = RecordHeader + message.Length;
        if (_buffered + size > _buffer.Length)
        {
            if (_buffered > 0 && _buffered + size > MaxBuffered)
            {
                WriteBufferedRecords();
            }
            if (_buffered + size > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffered + size, _buffer.Length * 2));
            }
        }
        var record = _buffer.AsSpan(_buffered, size);
        BinaryPrimitives.WriteInt32LittleEndian(record, message.Length);
        BinaryPrimitives.WriteInt32LittleEndian(record[4..], msgSeqNum);
        message.CopyTo(record[RecordHeader..]);
        _buffered += size;
        _index[msgSeqNum] = (_length + RecordHeader, message.Length);
        _length += size;
    }

    public void Flush()
    {
        bool records = _buffered > 0;
        WriteBufferedRecords();
        if (records || _senderNumberBuffered)
        {
            WriteSeqNums();
        }
    }

    public bool TryGet(int msgSeqNum, out byte[] message)
    {
        if (!_index.TryGetValue(msgSeqNum, out var at))
        {
            message = [];
            return false;
        }
        message = new byte[at.Length];
        if (at.Offset >= _flushedLength)
        {
            _buffer.AsSpan((int)(at.Offset - _flushedLength), at.Length).CopyTo(message);
        }
        else
        {
            RandomAccess.Read(_messages.SafeFileHandle, message, at.Offset);
        }
        return true;
    }

    public bool Contains(int msgSeqNum) => _index.ContainsKey(msgSeqNum);

    public void Reset()
    {
        _buffered = 0;
        _messages.SetLength(0);
        _flushedLength = _length = 0;
        _index.Clear();
        NextSenderMsgSeqNum = NextTargetMsgSeqNum = 1;
        WriteSeqNums();
    }

    public void Dispose()
    {
        Flush();
        _messages.Dispose();
        _seqNums.Dispose();
        _seqNumsFile.Dispose();
    }

    private void WriteBufferedRecords()
    {
        if (_buffered == 0)
        {
            return;
        }
        RandomAccess.Write(_messages.SafeFileHandle, _buffer.AsSpan(0, _buffered), _flushedLength);
        _flushedLength += _buffered;
        _buffered = 0;
    }

    private void WriteSeqNums()
    {
        _senderNumberBuffered = false;
        _seqNums.Write(0, LittleEndian(NextSenderMsgSeqNum));
        _seqNums.Write(8, LittleEndian(NextTargetMsgSeqNum));
    }

    /// <summary>The file is little-endian on every machine; the accessor reads and writes in the machine's order.</summary>
    private static long LittleEndian(long value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);

    private void LoadIndex()
    {
        long length = _messages.Length;
        long offset = 0;
        while (offset + RecordHeader <= length)
        {
            if (RandomAccess.Read(_messages.SafeFileHandle, _header, offset) < RecordHeader)
            {
                break;
            }
            int size = BinaryPrimitives.ReadInt32LittleEndian(_header);
            int seq = BinaryPrimitives.ReadInt32LittleEndian(_header.AsSpan(4));
            if (size < 0 || offset + RecordHeader + size > length)
            {
                break;
            }
            _index[seq] = (offset + RecordHeader, size);
            offset += RecordHeader + size;
        }
        if (offset < length)
        {
            _messages.SetLength(offset); // torn tail of an append cut short by a crash
        }
        _flushedLength = _length = offset;
    }
}
