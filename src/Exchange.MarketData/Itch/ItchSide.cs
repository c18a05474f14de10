namespace Exchange.MarketData.Itch;

/// <summary>Buy/Sell indicator: the ASCII byte on the wire.</summary>
public enum ItchSide : byte
{
    Buy = (byte)'B',
    Sell = (byte)'S',
}
