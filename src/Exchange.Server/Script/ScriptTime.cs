using System.Globalization;

namespace Exchange.Server.Script;

/// <summary>Engine time as the console writes it: nanoseconds since the Unix epoch, either as the integer
/// itself or as an ISO-8601 UTC text <c>yyyy-MM-ddTHH:mm:ss[.fffffffff]Z</c> (up to nine decimals).</summary>
internal static class ScriptTime
{
    private const long NanosPerTick = 100;
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>Parses the ISO-8601 form. Fails on other offsets than <c>Z</c>, on more than nine decimals and on
    /// times before 1970 or after the last nanosecond a <c>long</c> can hold (2262).</summary>
    public static bool TryParseIso(string text, out long nanoseconds)
    {
        nanoseconds = 0;
        // The seconds part is fixed width; DateTime does not hold nanoseconds, so the fraction is read by hand.
        const int secondsLength = 19;
        if (text.Length < secondsLength + 1 || text[^1] != 'Z')
        {
            return false;
        }
        if (!DateTime.TryParseExact(text.AsSpan(0, secondsLength), "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var seconds))
        {
            return false;
        }
        long fraction = 0;
        var rest = text.AsSpan(secondsLength, text.Length - secondsLength - 1);
        if (rest.Length > 0)
        {
            if (rest[0] != '.' || rest.Length < 2 || rest.Length > 10)
            {
                return false;
            }
            int digits = 0;
            foreach (char c in rest[1..])
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
                fraction = fraction * 10 + (c - '0');
                digits++;
            }
            for (; digits < 9; digits++)
            {
                fraction *= 10;
            }
        }
        long ticks = seconds.Ticks - DateTime.UnixEpoch.Ticks;
        if (ticks < 0 || ticks / (NanosPerSecond / NanosPerTick) > (long.MaxValue - fraction) / NanosPerSecond)
        {
            return false;
        }
        nanoseconds = ticks * NanosPerTick + fraction;
        return true;
    }
}
