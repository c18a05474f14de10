namespace Exchange.MarketData.Client;

/// <summary>Sees one ITCH message the <see cref="ItchFeedClient"/> applied, with its MoldUDP64 sequence number.</summary>
public delegate void ItchMessageObserver(ReadOnlySpan<byte> message, ulong sequence);
