using System.Text;

namespace Exchange.Fix.Codec;

public sealed partial class FixMessage
{
    /// <summary>Whether <paramref name="tag"/> is present.</summary>
    public bool Contains(int tag) => IndexOf(tag) >= 0;

    /// <summary>The raw value of the first occurrence of <paramref name="tag"/>, valid until the next parse.</summary>
    public bool TryGetSpan(int tag, out ReadOnlySpan<byte> value)
    {
        int index = IndexOf(tag);
        value = Value(index);
        return index >= 0;
    }

    /// <summary>The value as a new ASCII string; allocates, so for logs and rare fields, not the hot path.</summary>
    public bool TryGetString(int tag, out string? value)
    {
        bool found = TryGetSpan(tag, out ReadOnlySpan<byte> span);
        value = found ? Encoding.ASCII.GetString(span) : null;
        return found;
    }

    /// <summary>An int field (SeqNum, Length, NumInGroup, …).</summary>
    public bool TryGetInt(int tag, out int value)
    {
        value = 0;
        return TryGetSpan(tag, out ReadOnlySpan<byte> span) && FixValue.TryParseInt(span, out value);
    }

    /// <summary>A long integer field (quantities).</summary>
    public bool TryGetLong(int tag, out long value)
    {
        value = 0;
        return TryGetSpan(tag, out ReadOnlySpan<byte> span) && FixValue.TryParseLong(span, out value);
    }

    /// <summary>A Price/Qty/float field as a count of 10^-8 units, parsed exactly (see <see cref="FixValue.TryParseFixedPoint"/>).</summary>
    public bool TryGetDecimalAsFixedPoint(int tag, out long value)
    {
        value = 0;
        return TryGetSpan(tag, out ReadOnlySpan<byte> span) && FixValue.TryParseFixedPoint(span, out value);
    }

    /// <summary>A single-character field (Side, OrdType, …).</summary>
    public bool TryGetChar(int tag, out char value)
    {
        bool ok = TryGetSpan(tag, out ReadOnlySpan<byte> span) && span.Length == 1;
        value = ok ? (char)span[0] : '\0';
        return ok;
    }

    /// <summary>A Boolean field: "Y" or "N".</summary>
    public bool TryGetBool(int tag, out bool value)
    {
        value = false;
        return TryGetSpan(tag, out ReadOnlySpan<byte> span) && FixValue.TryParseBool(span, out value);
    }

    /// <summary>A UTCTimestamp field as nanoseconds since the Unix epoch.</summary>
    public bool TryGetUtcTimestamp(int tag, out long nanosSinceEpoch)
    {
        nanosSinceEpoch = 0;
        return TryGetSpan(tag, out ReadOnlySpan<byte> span) && FixTimestamp.TryParse(span, out nanosSinceEpoch);
    }
}
