using System.Globalization;

namespace Exchange.Core.Domain;

/// <summary>Fixed-point prices: a price is a <c>long</c> count of 10^-8 units (so 100.25 is 10_025_000_000).
/// Every tick size with up to eight decimals is exact. Decimal text is converted only at the edges, exactly:
/// no binary floating point is ever involved.</summary>
public static class Price
{
    /// <summary>Decimal places of the fixed-point representation.</summary>
    public const int Decimals = 8;

    /// <summary>Units per 1.0.</summary>
    public const long Scale = 100_000_000;

    /// <summary>Longest decimal text accepted.</summary>
    private const int MaxTextLength = 40;

    /// <summary>Parses a plain decimal string ("100", "100.25", "-0.5"). Fails on more than eight decimals,
    /// exponents, group separators or overflow — never rounds.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long value)
    {
        // Narrow to ASCII bytes and parse those: one implementation for text and for wire formats (FIX).
        value = 0;
        if (text.Length == 0 || text.Length > MaxTextLength)
        {
            return false;
        }
        Span<byte> ascii = stackalloc byte[MaxTextLength];
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] > 0x7F)
            {
                return false;
            }
            ascii[i] = (byte)text[i];
        }
        return TryParse(ascii[..text.Length], out value);
    }

    /// <summary>As <see cref="TryParse(ReadOnlySpan{char}, out long)"/>, over ASCII bytes (e.g. a FIX field value).</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > MaxTextLength)
        {
            return false;
        }
        bool negative = text[0] == '-';
        int i = negative || text[0] == '+' ? 1 : 0;
        long whole = 0;
        int digits = 0;
        for (; i < text.Length && text[i] != '.'; i++, digits++)
        {
            int d = text[i] - '0';
            if ((uint)d > 9 || whole > (long.MaxValue / Scale - d) / 10)
            {
                return false;
            }
            whole = whole * 10 + d;
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < text.Length)
        {
            for (i++; i < text.Length; i++, fractionDigits++)
            {
                int d = text[i] - '0';
                if ((uint)d > 9 || fractionDigits == Decimals)
                {
                    return false;
                }
                fraction = fraction * 10 + d;
            }
            if (fractionDigits == 0)
            {
                return false;
            }
        }
        if (digits == 0 && fractionDigits == 0)
        {
            return false;
        }
        for (int k = fractionDigits; k < Decimals; k++)
        {
            fraction *= 10;
        }
        if (whole == long.MaxValue / Scale && fraction > long.MaxValue % Scale)
        {
            return false;
        }
        value = whole * Scale + fraction;
        if (negative)
        {
            value = -value;
        }
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> (for configuration and tests).</summary>
    public static long Parse(string text) =>
        TryParse(text, out long v) ? v : throw new FormatException($"Invalid price '{text}'");

    /// <summary>Formats with at least <paramref name="minDecimals"/> decimals and no trailing zeros beyond them.</summary>
    public static string Format(long value, int minDecimals = 0)
    {
        Span<char> buffer = stackalloc char[48];
        return TryFormat(value, buffer, out int n, minDecimals) ? new string(buffer[..n]) : value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Allocation-free <see cref="Format"/>.</summary>
    public static bool TryFormat(long value, Span<char> destination, out int written, int minDecimals = 0)
    {
        // Format as ASCII bytes and widen: one implementation for text and for wire formats (FIX).
        Span<byte> ascii = stackalloc byte[MaxTextLength];
        if (!TryFormat(value, ascii, out written, minDecimals) || written > destination.Length)
        {
            written = 0;
            return false;
        }
        for (int i = 0; i < written; i++)
        {
            destination[i] = (char)ascii[i];
        }
        return true;
    }

    /// <summary>As <see cref="TryFormat(long, Span{char}, out int, int)"/>, as ASCII bytes (e.g. a FIX field value).</summary>
    public static bool TryFormat(long value, Span<byte> destination, out int written, int minDecimals = 0)
    {
        written = 0;
        ulong magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        ulong whole = magnitude / Scale;
        ulong fraction = magnitude % Scale;
        int pos = 0;
        if (value < 0)
        {
            if (destination.Length < 1)
            {
                return false;
            }
            destination[pos++] = (byte)'-';
        }
        if (!whole.TryFormat(destination[pos..], out int w, provider: CultureInfo.InvariantCulture))
        {
            return false;
        }
        pos += w;
        int decimals = Decimals;
        while (decimals > minDecimals && fraction % 10 == 0)
        {
            fraction /= 10;
            decimals--;
        }
        if (decimals > 0)
        {
            if (destination.Length < pos + 1 + decimals)
            {
                return false;
            }
            destination[pos++] = (byte)'.';
            for (int k = decimals - 1; k >= 0; k--)
            {
                destination[pos + k] = (byte)('0' + (int)(fraction % 10));
                fraction /= 10;
            }
            pos += decimals;
        }
        written = pos;
        return true;
    }

    /// <summary>Number of decimals needed to write <paramref name="value"/> exactly (e.g. a tick of 0.05 → 2).</summary>
    public static int DecimalsOf(long value)
    {
        int decimals = Decimals;
        long v = Math.Abs(value);
        while (decimals > 0 && v % 10 == 0)
        {
            v /= 10;
            decimals--;
        }
        return decimals;
    }
}
