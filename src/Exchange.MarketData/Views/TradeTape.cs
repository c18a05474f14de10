namespace Exchange.MarketData.Views;

/// <summary>The newest trades of one instrument in a fixed ring. Not thread-safe.</summary>
public sealed class TradeTape(int capacity)
{
    private readonly TradePrint[] _trades = new TradePrint[capacity];
    private int _count;
    private int _next;

    public int Count => _count;

    public void Add(in TradePrint trade)
    {
        _trades[_next] = trade;
        _next = (_next + 1) % _trades.Length;
        _count = Math.Min(_count + 1, _trades.Length);
    }

    /// <summary>The newest <paramref name="limit"/> trades, oldest first.</summary>
    public List<TradePrint> Recent(int limit)
    {
        int n = Math.Min(limit, _count);
        var result = new List<TradePrint>(n);
        for (int i = n; i > 0; i--)
        {
            result.Add(_trades[(_next - i + _trades.Length) % _trades.Length]);
        }
        return result;
    }
}
