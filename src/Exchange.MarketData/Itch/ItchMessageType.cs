namespace Exchange.MarketData.Itch;

/// <summary>ITCH 5.0 message types: the value is the ASCII type byte that starts every message.</summary>
public enum ItchMessageType : byte
{
    SystemEvent = (byte)'S',
    StockDirectory = (byte)'R',
    StockTradingAction = (byte)'H',
    AddOrder = (byte)'A',
    AddOrderWithMpid = (byte)'F',
    OrderExecuted = (byte)'E',
    OrderExecutedWithPrice = (byte)'C',
    OrderCancel = (byte)'X',
    OrderDelete = (byte)'D',
    OrderReplace = (byte)'U',
    Trade = (byte)'P',
    BrokenTrade = (byte)'B',
    MwcbDeclineLevel = (byte)'V',
    MwcbStatus = (byte)'W',
}
