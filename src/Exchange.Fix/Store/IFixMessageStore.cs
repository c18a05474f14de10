namespace Exchange.Fix.Store;

/// <summary>A FIX session's persistent state: the next sequence number each way and the application messages it
/// sent, for answering ResendRequests. Admin messages are not stored: a resend replaces them with a gap fill.
/// Not thread-safe: the owning <see cref="Session.FixSession"/> calls it under its lock.</summary>
public interface IFixMessageStore : IDisposable
{
    /// <summary>MsgSeqNum of the next message this side sends.</summary>
    int NextSenderMsgSeqNum { get; }

    /// <summary>MsgSeqNum expected on the next message from the counterparty.</summary>
    int NextTargetMsgSeqNum { get; }

    void SetNextSenderMsgSeqNum(int value);

    void SetNextTargetMsgSeqNum(int value);

    /// <summary>Keeps a complete outbound message (as first sent) under its MsgSeqNum; a later one with the same number
    /// replaces it.</summary>
    void Store(int msgSeqNum, ReadOnlySpan<byte> message);

    /// <summary>The message stored under <paramref name="msgSeqNum"/>, if any (a copy).</summary>
    bool TryGet(int msgSeqNum, out byte[] message);

    /// <summary>Whether a message is stored under <paramref name="msgSeqNum"/>.</summary>
    bool Contains(int msgSeqNum);

    /// <summary>Back to a new session: both sequence numbers 1, no messages.</summary>
    void Reset();

    /// <summary>Makes what <see cref="Store"/> and <see cref="SetNextSenderMsgSeqNum"/> may have buffered as
    /// persistent as the implementation promises. The session calls it before any message goes to the wire, so a
    /// message is never sent before it is stored; a store may buffer between calls to save a write per message.</summary>
    void Flush();
}
