namespace Exchange.MarketData.Views;

/// <summary>The bar lengths kept per instrument.</summary>
public enum BarInterval : byte
{
    OneSecond = 1,
    OneMinute = 2,
}

public static class BarIntervals
{
    public const long NanosPerSecond = 1_000_000_000;

    public static long Nanoseconds(this BarInterval interval) => interval == BarInterval.OneSecond ? NanosPerSecond : 60 * NanosPerSecond;

    /// <summary>"1s" or "1m".</summary>
    public static string Name(this BarInterval interval) => interval == BarInterval.OneSecond ? "1s" : "1m";

    public static bool TryParse(string? text, out BarInterval interval)
    {
        interval = text switch { "1s" => BarInterval.OneSecond, "1m" => BarInterval.OneMinute, _ => 0 };
        return interval != 0;
    }
}
