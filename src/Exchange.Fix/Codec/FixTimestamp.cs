namespace Exchange.Fix.Codec;

/// <summary>FIX UTCTimestamp <c>YYYYMMDD-HH:MM:SS[.sss|.ssssss|.sssssssss]</c> to and from nanoseconds since the Unix
/// epoch, allocation-free. Only 1970-01-01 to 2262-04-11T23:47:16.854775807Z: the range a non-negative <c>long</c> of
/// nanoseconds covers.</summary>
public static class FixTimestamp
{
    /// <summary>Length of the millisecond form the writer produces.</summary>
    public const int MillisecondLength = 21;

    private const long NanosPerSecond = 1_000_000_000;
    private const long NanosPerDay = 86_400 * NanosPerSecond;
    private const int MinYear = 1970;
    private const int MaxYear = 2262;

    /// <summary>Parses a UTCTimestamp; seconds may be 60 (a leap second), fractions may have 3, 6 or 9 digits.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out long nanosSinceEpoch)
    {
        nanosSinceEpoch = 0;
        if (text.Length is not (17 or 21 or 24 or 27) || text[8] != '-' || text[11] != ':' || text[14] != ':')
        {
            return false;
        }
        if (!TryDigits(text[..4], out int year) || !TryDigits(text[4..6], out int month) || !TryDigits(text[6..8], out int day)
            || !TryDigits(text[9..11], out int hour) || !TryDigits(text[12..14], out int minute) || !TryDigits(text[15..17], out int second))
        {
            return false;
        }
        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }
        long fraction = 0;
        if (text.Length > 17)
        {
            if (text[17] != '.' || !TryDigits(text[18..], out int digits))
            {
                return false;
            }
            fraction = digits;
            for (int k = text.Length - 18; k < 9; k++)
            {
                fraction *= 10;
            }
        }
        long days = DaysFromCivil(year, month, day);
        long intoDay = ((hour * 3600L) + (minute * 60L) + second) * NanosPerSecond + fraction;
        if (days > (long.MaxValue - intoDay) / NanosPerDay)
        {
            return false; // past 2262-04-11T23:47:16.854775807Z
        }
        nanosSinceEpoch = days * NanosPerDay + intoDay;
        return true;
    }

    /// <summary>Writes <paramref name="nanosSinceEpoch"/> as <c>YYYYMMDD-HH:MM:SS.sss</c> (truncated to milliseconds)
    /// into the first <see cref="MillisecondLength"/> bytes of <paramref name="destination"/>.</summary>
    public static bool TryFormatMilliseconds(long nanosSinceEpoch, Span<byte> destination)
    {
        if (nanosSinceEpoch < 0 || destination.Length < MillisecondLength)
        {
            return false;
        }
        // Every message carries one or two timestamps, nearly always of the current second: each thread keeps the
        // "yyyyMMdd-HH:mm:ss" of the last second it formatted and writes only the milliseconds after it.
        long second = nanosSinceEpoch / NanosPerSecond;
        var cache = t_second ??= new SecondCache();
        if (cache.Second != second)
        {
            long days = nanosSinceEpoch / NanosPerDay;
            long inDay = second % 86_400;
            CivilFromDays(days, out int year, out int month, out int day);
            Span<byte> prefix = cache.Prefix;
            WriteDigits(prefix[..4], year);
            WriteDigits(prefix[4..6], month);
            WriteDigits(prefix[6..8], day);
            prefix[8] = (byte)'-';
            WriteDigits(prefix[9..11], (int)(inDay / 3600));
            prefix[11] = (byte)':';
            WriteDigits(prefix[12..14], (int)(inDay / 60 % 60));
            prefix[14] = (byte)':';
            WriteDigits(prefix[15..17], (int)(inDay % 60));
            prefix[17] = (byte)'.';
            cache.Second = second;
        }
        cache.Prefix.CopyTo(destination);
        WriteDigits(destination[18..21], (int)(nanosSinceEpoch % NanosPerSecond / 1_000_000));
        return true;
    }

    [ThreadStatic]
    private static SecondCache? t_second;

    private sealed class SecondCache
    {
        public readonly byte[] Prefix = new byte[18];
        public long Second = -1;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (byte b in text)
        {
            int d = b - '0';
            if ((uint)d > 9)
            {
                return false;
            }
            value = value * 10 + d;
        }
        return true;
    }

    private static void WriteDigits(Span<byte> destination, int value)
    {
        for (int k = destination.Length - 1; k >= 0; k--)
        {
            destination[k] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    // Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian), for years ≥ 0 only.
    private static long DaysFromCivil(int year, int month, int day)
    {
        int y = month <= 2 ? year - 1 : year;
        int era = y / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private static void CivilFromDays(long days, out int year, out int month, out int day)
    {
        long z = days + 719_468;
        long era = z / 146_097;
        int dayOfEra = (int)(z - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int mp = (5 * dayOfYear + 2) / 153;
        day = dayOfYear - (153 * mp + 2) / 5 + 1;
        month = mp < 10 ? mp + 3 : mp - 9;
        year = (int)(era * 400 + yearOfEra) + (month <= 2 ? 1 : 0);
    }
}
