namespace Exchange.MarketData.Views;

/// <summary>The per-instrument market-data channels; each has its own sequence number per instrument.</summary>
public enum Channel : byte
{
    Trades = 0,
    L1 = 1,
    L2 = 2,
    L3 = 3,
    Bars = 4,
    Status = 5,
}

public static class Channels
{
    public const int Count = 6;

    public static string Name(this Channel channel) => channel switch
    {
        Channel.Trades => "trades",
        Channel.L1 => "l1",
        Channel.L2 => "l2",
        Channel.L3 => "l3",
        Channel.Bars => "bars",
        _ => "status",
    };

    public static bool TryParse(string? name, out Channel channel)
    {
        for (int i = 0; i < Count; i++)
        {
            if (((Channel)i).Name() == name)
            {
                channel = (Channel)i;
                return true;
            }
        }
        channel = default;
        return false;
    }
}
