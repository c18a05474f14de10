namespace Exchange.Server.Bench;

/// <summary>Parameters of a <see cref="StandardOrderFlow"/>; prices in ticks of 0.01.</summary>
/// <param name="CenterTicks">Reference price and the last trade price before the first trade.</param>
/// <param name="MinTicks">Lower bound of the last-trade band; the limit price of sell IOC orders.</param>
/// <param name="MaxTicks">Upper bound of the last-trade band; the limit price of buy IOC orders.</param>
/// <param name="TargetOrdersPerSide">Resting orders the flow keeps per side (GTC orders only while below it).</param>
/// <param name="PriceDeviationTicks">Largest distance of a new GTC order from the last trade price.</param>
/// <param name="Accounts">Number of accounts orders are spread over.</param>
internal sealed record StandardFlowShape(
    long CenterTicks,
    long MinTicks,
    long MaxTicks,
    int TargetOrdersPerSide,
    int PriceDeviationTicks,
    int Accounts);
