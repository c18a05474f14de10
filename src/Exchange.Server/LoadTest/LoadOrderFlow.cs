using Exchange.Core.Domain;

namespace Exchange.Server.LoadTest;

/// <summary>The seeded order flow: <see cref="LoadTestOptions.LimitPercent"/>% GTC limit orders at the mid ± up
/// to <see cref="LoadTestOptions.SpreadTicks"/> ticks (so about half of them cross and trade), the rest IOC
/// market orders; buy or sell with equal odds; quantity uniform in 1..<see cref="LoadTestOptions.MaxQuantity"/>.
/// Deterministic for a seed. Not thread-safe: one per connection.</summary>
internal sealed class LoadOrderFlow(LoadTestOptions options, int seed)
{
    private readonly Random _random = new(seed);
    private readonly long _mid = Price.Parse(options.Mid);
    private readonly long _tick = Price.Parse(options.TickSize);

    public LoadOrder Next()
    {
        var side = _random.Next(2) == 0 ? Side.Buy : Side.Sell;
        long quantity = 1 + _random.Next(options.MaxQuantity);
        if (_random.Next(100) >= options.LimitPercent)
        {
            return new LoadOrder(side, Market: true, 0, quantity);
        }
        long price = _mid + (_random.Next(2 * options.SpreadTicks + 1) - options.SpreadTicks) * _tick;
        return new LoadOrder(side, Market: false, price, quantity);
    }
}
