namespace Exchange.Fix.Store;

/// <summary>An <see cref="IFixMessageStore"/> that forgets everything when the process ends (tests, tools).</summary>
public sealed class MemoryFixMessageStore : IFixMessageStore
{
    private readonly Dictionary<int, byte[]> _messages = [];

    public int NextSenderMsgSeqNum { get; private set; } = 1;

    public int NextTargetMsgSeqNum { get; private set; } = 1;

    public void SetNextSenderMsgSeqNum(int value) => NextSenderMsgSeqNum = value;

    public void SetNextTargetMsgSeqNum(int value) => NextTargetMsgSeqNum = value;

    public void Store(int msgSeqNum, ReadOnlySpan<byte> message) => _messages[msgSeqNum] = message.ToArray();

    public bool TryGet(int msgSeqNum, out byte[] message)
    {
        bool found = _messages.TryGetValue(msgSeqNum, out var stored);
        message = found ? (byte[])stored!.Clone() : [];
        return found;
    }

    public bool Contains(int msgSeqNum) => _messages.ContainsKey(msgSeqNum);

    public void Reset()
    {
        _messages.Clear();
        NextSenderMsgSeqNum = NextTargetMsgSeqNum = 1;
    }

    public void Flush()
    {
    }

    public void Dispose()
    {
    }
}
