using Exchange.Core.Domain;

namespace Exchange.Fix.Codec;

/// <summary>Allocation-free parsers for FIX field values as ASCII bytes. All fail rather than round or wrap.</summary>
public static class FixValue
{
    /// <summary>Fixed-point decimals, the same as <c>Exchange.Core.Domain.Price</c>: 123.45 is 12_345_000_000.</summary>
    public const int FixedPointDecimals = Price.Decimals;

    /// <summary>Units per 1.0 in the fixed-point representation.</summary>
    public const long FixedPointScale = Price.Scale;

    /// <summary>Parses an optionally negative decimal integer ("-12", "34"); no '+', spaces or overflow.</summary>
    public static bool TryParseLong(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        bool negative = text.Length > 0 && text[0] == '-';
        int i = negative ? 1 : 0;
        if (i == text.Length || text.Length > 20)
        {
            return false;
        }
        ulong magnitude = 0;
        ulong limit = negative ? (ulong)long.MaxValue + 1 : long.MaxValue;
        for (; i < text.Length; i++)
        {
            uint d = (uint)(text[i] - '0');
            if (d > 9 || magnitude > (limit - d) / 10)
            {
                return false;
            }
            magnitude = magnitude * 10 + d;
        }
        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    /// <summary>Parses an optionally negative 32-bit decimal integer.</summary>
    public static bool TryParseInt(ReadOnlySpan<byte> text, out int value)
    {
        bool ok = TryParseLong(text, out long wide) && wide is >= int.MinValue and <= int.MaxValue;
        value = ok ? (int)wide : 0;
        return ok;
    }

    /// <summary>Parses a plain decimal ("100", "100.25", "-0.5") into a count of 10^-8 units, exactly: fails on more
    /// than eight decimals, exponents or overflow. The engine's own parser (<see cref="Price"/>), so a FIX price
    /// means exactly what it means to the engine.</summary>
    public static bool TryParseFixedPoint(ReadOnlySpan<byte> text, out long value) => Price.TryParse(text, out value);

    /// <summary>Parses a FIX Boolean: exactly "Y" or "N".</summary>
    public static bool TryParseBool(ReadOnlySpan<byte> text, out bool value)
    {
        value = text.Length == 1 && text[0] == 'Y';
        return text.Length == 1 && (text[0] == 'Y' || text[0] == 'N');
    }
}
