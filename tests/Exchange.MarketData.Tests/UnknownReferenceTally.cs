using Exchange.MarketData.Books;
using Exchange.MarketData.Itch;

namespace Exchange.MarketData.Tests;

/// <summary>Forwards to an <see cref="ItchOrderBook"/> and tallies, per message type, the messages the book
/// counted as naming an unknown order reference.</summary>
internal sealed class UnknownReferenceTally(ItchOrderBook book) : IItchMessageHandler
{
    public Dictionary<char, long> ByType { get; } = [];

    private void Tally(char type, long before)
    {
        long added = book.UnknownOrderReferences - before;
        if (added > 0)
        {
            ByType[type] = ByType.GetValueOrDefault(type) + added;
        }
    }

    public void OnSystemEvent(in SystemEvent message) => book.OnSystemEvent(message);
    public void OnStockDirectory(in StockDirectory message) => book.OnStockDirectory(message);
    public void OnStockTradingAction(in StockTradingAction message) => book.OnStockTradingAction(message);
    public void OnAddOrder(in AddOrder message) => book.OnAddOrder(message);
    public void OnAddOrderWithMpid(in AddOrderWithMpid message) => book.OnAddOrderWithMpid(message);
    public void OnTrade(in Trade message) => book.OnTrade(message);

    public void OnOrderExecuted(in OrderExecuted message)
    {
        long before = book.UnknownOrderReferences;
        book.OnOrderExecuted(message);
        Tally('E', before);
    }

    public void OnOrderExecutedWithPrice(in OrderExecutedWithPrice message)
    {
        long before = book.UnknownOrderReferences;
        book.OnOrderExecutedWithPrice(message);
        Tally('C', before);
    }

    public void OnOrderCancel(in OrderCancel message)
    {
        long before = book.UnknownOrderReferences;
        book.OnOrderCancel(message);
        Tally('X', before);
    }

    public void OnOrderDelete(in OrderDelete message)
    {
        long before = book.UnknownOrderReferences;
        book.OnOrderDelete(message);
        Tally('D', before);
    }

    public void OnOrderReplace(in OrderReplace message)
    {
        long before = book.UnknownOrderReferences;
        book.OnOrderReplace(message);
        Tally('U', before);
    }
}
