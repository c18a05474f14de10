namespace Exchange.Core.Domain;

/// <summary>How an order prices itself: at a limit, at the market, or dormant until a stop price trades.</summary>
public enum OrderType : byte
{
    Limit = 1,
    Market = 2,
    /// <summary>Stop-market: becomes a market order when the last trade price reaches the stop price.</summary>
    Stop = 3,
    /// <summary>Stop-limit: becomes a limit order when the last trade price reaches the stop price.</summary>
    StopLimit = 4,
}
