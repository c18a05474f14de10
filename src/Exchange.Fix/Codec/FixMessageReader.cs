using System.Buffers;

namespace Exchange.Fix.Codec;

/// <summary>Finds message boundaries in a FIX 4.4 byte stream: <c>8=FIX.4.4|9=len|</c>, a body of exactly len bytes,
/// then <c>10=nnn|</c>. Stateless apart from its limit, allocation-free and thread-safe. It never throws on input
/// bytes; every result either frames a message, asks for more data, or names ≥ 1 bytes to skip.</summary>
public sealed class FixMessageReader
{
    /// <summary>Default <see cref="MaxBodyLength"/>: 64 KiB.</summary>
    public const int DefaultMaxBodyLength = 64 * 1024;

    internal const int TrailerLength = 7; // "10=nnn" + SOH

    private const byte Soh = 1;

    // "8=FIX.4.4|9=" + up to 9 digits + SOH; a longer header cannot be valid, so a sequence's header is read from a small copy.
    private const int MaxBodyLengthDigits = 9;
    private const int MaxHeaderLength = 12 + MaxBodyLengthDigits + 1;

    private static ReadOnlySpan<byte> BeginString => "8=FIX.4.4\u00019="u8;

    private static ReadOnlySpan<byte> ResyncMarker => "8=FIX"u8;

    /// <summary>Creates a reader that treats a BodyLength above <paramref name="maxBodyLength"/> as garbled.</summary>
    public FixMessageReader(int maxBodyLength = DefaultMaxBodyLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBodyLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBodyLength, 999_999_999);
        MaxBodyLength = maxBodyLength;
    }

    /// <summary>Largest accepted BodyLength; bounds what a caller has to buffer to about this plus 30 bytes.</summary>
    public int MaxBodyLength { get; }

    /// <summary>Largest complete message this reader can return.</summary>
    public int MaxMessageLength => MaxHeaderLength + MaxBodyLength + TrailerLength;

    /// <summary>Looks for a message at the start of <paramref name="buffer"/>.</summary>
    public FixReadResult Read(ReadOnlySpan<byte> buffer)
    {
        FixReadResult header = ReadHeader(buffer, buffer.Length, out int headerLength, out int bodyLength);
        if (header.Status != FixReadStatus.Complete)
        {
            return header.Status == FixReadStatus.Garbled ? Garbled(buffer, header.GarbleReason) : header;
        }
        int checkSumAt = headerLength + bodyLength;
        if (buffer.Length < checkSumAt + TrailerLength)
        {
            return FixReadResult.NeedMore;
        }
        if (buffer[checkSumAt - 1] != Soh || !TryParseTrailer(buffer.Slice(checkSumAt, TrailerLength), out int declared))
        {
            return Garbled(buffer, FixGarbleReason.BadCheckSumField);
        }
        int length = checkSumAt + TrailerLength;
        return FixChecksum.Compute(buffer[..checkSumAt]) == declared
            ? FixReadResult.Complete(length)
            : FixReadResult.Garbled(length, FixGarbleReason.CheckSumMismatch);
    }

    /// <summary>Looks for a message at the start of <paramref name="buffer"/>, which may span several segments
    /// (a <see cref="System.IO.Pipelines.PipeReader"/> buffer).</summary>
    public FixReadResult Read(in ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsSingleSegment)
        {
            return Read(buffer.FirstSpan);
        }
        Span<byte> prefix = stackalloc byte[MaxHeaderLength];
        int prefixLength = (int)Math.Min(buffer.Length, MaxHeaderLength);
        buffer.Slice(0, prefixLength).CopyTo(prefix);
        int available = (int)Math.Min(buffer.Length, int.MaxValue);
        FixReadResult header = ReadHeader(prefix[..prefixLength], available, out int headerLength, out int bodyLength);
        if (header.Status != FixReadStatus.Complete)
        {
            return header.Status == FixReadStatus.Garbled ? Garbled(buffer, header.GarbleReason) : header;
        }
        int checkSumAt = headerLength + bodyLength;
        if (buffer.Length < checkSumAt + TrailerLength)
        {
            return FixReadResult.NeedMore;
        }
        Span<byte> trailer = stackalloc byte[TrailerLength + 1];
        buffer.Slice(checkSumAt - 1, TrailerLength + 1).CopyTo(trailer);
        if (trailer[0] != Soh || !TryParseTrailer(trailer[1..], out int declared))
        {
            return Garbled(buffer, FixGarbleReason.BadCheckSumField);
        }
        int length = checkSumAt + TrailerLength;
        return FixChecksum.Compute(buffer, checkSumAt) == declared
            ? FixReadResult.Complete(length)
            : FixReadResult.Garbled(length, FixGarbleReason.CheckSumMismatch);
    }

    // Parses "8=FIX.4.4|9=len|" from the first bytes; `available` is how many bytes the whole buffer has, so a short
    // prefix copy can tell "need more" from "the header is too long to be valid".
    private FixReadResult ReadHeader(ReadOnlySpan<byte> prefix, int available, out int headerLength, out int bodyLength)
    {
        headerLength = 0;
        bodyLength = 0;
        ReadOnlySpan<byte> begin = BeginString;
        int n = Math.Min(prefix.Length, begin.Length);
        int matched = prefix[..n].CommonPrefixLength(begin[..n]);
        if (matched < n)
        {
            // The first 10 bytes are BeginString; a mismatch after them is in "9=".
            return FixReadResult.Garbled(1, matched < begin.Length - 2 ? FixGarbleReason.BadBeginString : FixGarbleReason.BadBodyLength);
        }
        if (available < begin.Length)
        {
            return FixReadResult.NeedMore;
        }
        long length = 0;
        int i = begin.Length;
        for (; i < prefix.Length; i++)
        {
            byte b = prefix[i];
            if (b == Soh)
            {
                break;
            }
            int d = b - '0';
            if ((uint)d > 9 || i - begin.Length == MaxBodyLengthDigits)
            {
                return FixReadResult.Garbled(1, FixGarbleReason.BadBodyLength);
            }
            length = length * 10 + d;
            if (length > MaxBodyLength)
            {
                return FixReadResult.Garbled(1, FixGarbleReason.BodyLengthTooLarge);
            }
        }
        if (i == prefix.Length)
        {
            // Only reachable with fewer than MaxHeaderLength bytes seen, i.e. the whole buffer has been examined.
            return FixReadResult.NeedMore;
        }
        if (i == begin.Length || length == 0)
        {
            return FixReadResult.Garbled(1, FixGarbleReason.BadBodyLength);
        }
        headerLength = i + 1;
        bodyLength = (int)length;
        return FixReadResult.Complete(headerLength);
    }

    private static bool TryParseTrailer(ReadOnlySpan<byte> trailer, out int checkSum)
    {
        checkSum = 0;
        if (trailer[0] != '1' || trailer[1] != '0' || trailer[2] != '=' || trailer[6] != Soh)
        {
            return false;
        }
        for (int k = 3; k < 6; k++)
        {
            int d = trailer[k] - '0';
            if ((uint)d > 9)
            {
                return false;
            }
            checkSum = checkSum * 10 + d;
        }
        return checkSum <= 255;
    }

    // Garbled: skip to the next "8=FIX" after offset 0, keeping a tail that may be the start of one.
    private static FixReadResult Garbled(ReadOnlySpan<byte> buffer, FixGarbleReason reason)
    {
        int next = buffer[1..].IndexOf(ResyncMarker);
        if (next >= 0)
        {
            return FixReadResult.Garbled(next + 1, reason);
        }
        int keep = Math.Min(ResyncMarker.Length - 1, buffer.Length - 1);
        for (; keep > 0; keep--)
        {
            if (buffer[^keep..].SequenceEqual(ResyncMarker[..keep]))
            {
                break;
            }
        }
        return FixReadResult.Garbled(buffer.Length - keep, reason);
    }

    private static FixReadResult Garbled(in ReadOnlySequence<byte> buffer, FixGarbleReason reason)
    {
        var reader = new SequenceReader<byte>(buffer);
        reader.Advance(1);
        while (reader.TryAdvanceTo((byte)'8', advancePastDelimiter: false))
        {
            if (reader.IsNext(ResyncMarker) || (reader.Remaining < ResyncMarker.Length && IsMarkerPrefix(reader)))
            {
                return FixReadResult.Garbled((int)reader.Consumed, reason);
            }
            reader.Advance(1);
        }
        return FixReadResult.Garbled((int)Math.Min(buffer.Length, int.MaxValue), reason);
    }

    private static bool IsMarkerPrefix(SequenceReader<byte> reader)
    {
        Span<byte> tail = stackalloc byte[ResyncMarker.Length];
        int n = (int)reader.Remaining;
        return reader.TryCopyTo(tail[..n]) && tail[..n].SequenceEqual(ResyncMarker[..n]);
    }
}
