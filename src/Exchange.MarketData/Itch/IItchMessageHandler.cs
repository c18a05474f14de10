namespace Exchange.MarketData.Itch;

/// <summary>Receives decoded messages from <see cref="ItchDispatcher"/>; implement on a struct or a sealed class
/// and pass it as a type parameter so calls are not virtual.</summary>
public interface IItchMessageHandler
{
    void OnSystemEvent(in SystemEvent message);
    void OnStockDirectory(in StockDirectory message);
    void OnStockTradingAction(in StockTradingAction message);
    void OnAddOrder(in AddOrder message);
    void OnAddOrderWithMpid(in AddOrderWithMpid message);
    void OnOrderExecuted(in OrderExecuted message);
    void OnOrderExecutedWithPrice(in OrderExecutedWithPrice message);
    void OnOrderCancel(in OrderCancel message);
    void OnOrderDelete(in OrderDelete message);
    void OnOrderReplace(in OrderReplace message);
    void OnTrade(in Trade message);
}
