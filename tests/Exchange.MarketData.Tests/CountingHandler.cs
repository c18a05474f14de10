using Exchange.MarketData.Itch;

namespace Exchange.MarketData.Tests;

/// <summary>Counts decoded messages by type.</summary>
internal struct CountingHandler : IItchMessageHandler
{
    public Dictionary<char, int> Counts { get; }

    public CountingHandler() => Counts = [];

    private readonly void Add(char type) => Counts[type] = Counts.GetValueOrDefault(type) + 1;

    public readonly void OnSystemEvent(in SystemEvent message) => Add('S');
    public readonly void OnStockDirectory(in StockDirectory message) => Add('R');
    public readonly void OnStockTradingAction(in StockTradingAction message) => Add('H');
    public readonly void OnAddOrder(in AddOrder message) => Add('A');
    public readonly void OnAddOrderWithMpid(in AddOrderWithMpid message) => Add('F');
    public readonly void OnOrderExecuted(in OrderExecuted message) => Add('E');
    public readonly void OnOrderExecutedWithPrice(in OrderExecutedWithPrice message) => Add('C');
    public readonly void OnOrderCancel(in OrderCancel message) => Add('X');
    public readonly void OnOrderDelete(in OrderDelete message) => Add('D');
    public readonly void OnOrderReplace(in OrderReplace message) => Add('U');
    public readonly void OnTrade(in Trade message) => Add('P');
}
