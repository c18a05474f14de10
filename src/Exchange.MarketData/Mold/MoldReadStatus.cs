namespace Exchange.MarketData.Mold;

/// <summary>What <see cref="MoldPacketReader.Read"/> found.</summary>
public enum MoldReadStatus
{
    /// <summary>The next message of the packet.</summary>
    Message,

    /// <summary>All messages the header announced have been read (none for a heartbeat or end of session).</summary>
    End,

    /// <summary>The packet ends before the messages its header announced; the rest of the packet is unusable.</summary>
    Truncated,
}
