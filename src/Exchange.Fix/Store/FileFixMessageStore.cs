using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Exchange.Fix.Store;

/// <summary>An <see cref="IFixMessageStore"/> in two files of a directory: <c>seqnums</c> (16 bytes: next sender and
/// next target MsgSeqNum, little-endian int64, overwritten in place) and <c>messages</c> (append-only records:
/// int32 length, int32 MsgSeqNum, the message bytes). The index MsgSeqNum → record is rebuilt from <c>messages</c>
/// on open; a torn last record (crash mid-append) is cut off.
/// Durability: every change is written to the operating system before the call returns, so it survives the process
/// being killed; it is not fsynced, so a power loss can lose the last changes (the counterparty then sees a sequence
/// gap or a too-low number and the session is reset by the operators, as with any FIX engine's file store).</summary>
public sealed class FileFixMessageStore : IFixMessageStore
{
    private const int RecordHeader = 8;

    private readonly string _messagesPath;
    private readonly SafeFileHandle _seqNums;
    private readonly FileStream _messages;
    private readonly Dictionary<int, (long Offset, int Length)> _index = [];
    private readonly byte[] _seqBuffer = new byte[16];
    private readonly byte[] _header = new byte[RecordHeader];
    private byte[] _record = new byte[4096];
    // Invariant: _length is the size of the messages file (every byte of it a complete record).
    private long _length;

    public FileFixMessageStore(string directory)
    {
        Directory.CreateDirectory(directory);
        _messagesPath = Path.Combine(directory, "messages");
        _seqNums = File.OpenHandle(Path.Combine(directory, "seqnums"), FileMode.OpenOrCreate, FileAccess.ReadWrite);
        if (RandomAccess.Read(_seqNums, _seqBuffer, 0) == 16)
        {
            NextSenderMsgSeqNum = checked((int)BinaryPrimitives.ReadInt64LittleEndian(_seqBuffer));
            NextTargetMsgSeqNum = checked((int)BinaryPrimitives.ReadInt64LittleEndian(_seqBuffer.AsSpan(8)));
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
        WriteSeqNums();
    }

    public void SetNextTargetMsgSeqNum(int value)
    {
        NextTargetMsgSeqNum = value;
        WriteSeqNums();
    }

    public void Store(int msgSeqNum, ReadOnlySpan<byte> message)
    {
        // One write per record: header and message copied together.
        if (_record.Length < RecordHeader + message.Length)
        {
            _record = new byte[Math.Max(RecordHeader + message.Length, _record.Length * 2)];
        }
        BinaryPrimitives.WriteInt32LittleEndian(_record, message.Length);
        BinaryPrimitives.WriteInt32LittleEndian(_record.AsSpan(4), msgSeqNum);
        message.CopyTo(_record.AsSpan(RecordHeader));
        RandomAccess.Write(_messages.SafeFileHandle, _record.AsSpan(0, RecordHeader + message.Length), _length);
        _index[msgSeqNum] = (_length + RecordHeader, message.Length);
        _length += RecordHeader + message.Length;
    }

    public bool TryGet(int msgSeqNum, out byte[] message)
    {
        if (!_index.TryGetValue(msgSeqNum, out var at))
        {
            message = [];
            return false;
        }
        message = new byte[at.Length];
        RandomAccess.Read(_messages.SafeFileHandle, message, at.Offset);
        return true;
    }

    public bool Contains(int msgSeqNum) => _index.ContainsKey(msgSeqNum);

    public void Reset()
    {
        _messages.SetLength(0);
        _length = 0;
        _index.Clear();
        NextSenderMsgSeqNum = NextTargetMsgSeqNum = 1;
        WriteSeqNums();
    }

    public void Dispose()
    {
        _messages.Dispose();
        _seqNums.Dispose();
    }

    private void WriteSeqNums()
    {
        BinaryPrimitives.WriteInt64LittleEndian(_seqBuffer, NextSenderMsgSeqNum);
        BinaryPrimitives.WriteInt64LittleEndian(_seqBuffer.AsSpan(8), NextTargetMsgSeqNum);
        RandomAccess.Write(_seqNums, _seqBuffer, 0);
    }

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
        _length = offset;
    }
}
