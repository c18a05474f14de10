namespace Exchange.Server.Configuration;

/// <summary>An instrument declared at first start (prices as decimal strings).</summary>
public sealed record InstrumentConfig(
    string Symbol,
    string TickSize,
    long LotSize,
    long MinQuantity = 0,
    long MaxQuantity = 0,
    string? ReferencePrice = null,
    int CollarBasisPoints = 1000);
