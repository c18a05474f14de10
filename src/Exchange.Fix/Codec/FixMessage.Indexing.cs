namespace Exchange.Fix.Codec;

public sealed partial class FixMessage
{
    // Splits _bytes[0.._length) into tag=value fields and records them; stops at the first error.
    private FixParseResult Index()
    {
        ReadOnlySpan<byte> bytes = _bytes.AsSpan(0, _length);
        bool inGroups = false;
        int dataTag = 0;
        int dataLength = 0;
        int pos = 0;
        while (pos < bytes.Length)
        {
            FixParseResult tagResult = ReadTag(bytes, ref pos, out int tag);
            if (!tagResult.IsValid)
            {
                return tagResult;
            }
            int length;
            if (tag == dataTag)
            {
                // A data field may contain SOH: its extent comes from the preceding Length field.
                if (dataLength > bytes.Length - pos - 1 || bytes[pos + dataLength] != Soh)
                {
                    return FixParseResult.Reject(SessionRejectReason.IncorrectDataFormatForValue, tag);
                }
                length = dataLength;
            }
            else
            {
                length = bytes[pos..].IndexOf(Soh);
                if (length < 0)
                {
                    return FixParseResult.Reject(SessionRejectReason.IncorrectDataFormatForValue, tag);
                }
            }
            if (length == 0)
            {
                return FixParseResult.Reject(SessionRejectReason.TagSpecifiedWithoutAValue, tag);
            }
            if (_count == _tags.Length)
            {
                return FixParseResult.Reject(SessionRejectReason.Other);
            }
            if (!Record(tag, pos, length, inGroups))
            {
                return FixParseResult.Reject(SessionRejectReason.TagAppearsMoreThanOnce, tag);
            }
            dataTag = FixTag.DataTagFor(tag);
            if (dataTag != 0 && (!FixValue.TryParseInt(bytes.Slice(pos, length), out dataLength) || dataLength < 1))
            {
                return FixParseResult.Reject(SessionRejectReason.IncorrectDataFormatForValue, tag);
            }
            inGroups |= FixTag.IsNumInGroup(tag);
            pos += length + 1;
        }
        FixParseResult order = CheckOrder();
        return order.IsValid ? ReadHeader() : order;
    }

    // Reads "digits=" at pos; FIX tags are positive integers without leading zeros.
    private static FixParseResult ReadTag(ReadOnlySpan<byte> bytes, ref int pos, out int tag)
    {
        tag = 0;
        int start = pos;
        for (; pos < bytes.Length && bytes[pos] != '='; pos++)
        {
            int d = bytes[pos] - '0';
            if ((uint)d > 9 || pos - start == 9 || (d == 0 && pos == start))
            {
                return FixParseResult.Reject(SessionRejectReason.InvalidTagNumber);
            }
            tag = tag * 10 + d;
        }
        if (pos == start || pos == bytes.Length)
        {
            return FixParseResult.Reject(SessionRejectReason.InvalidTagNumber);
        }
        pos++;
        return FixParseResult.Valid;
    }

    // Returns false for a duplicate that is not allowed: any duplicate before the first repeating group, and a
    // duplicate header or trailer tag anywhere.
    private bool Record(int tag, int offset, int length, bool inGroups)
    {
        bool seen = IndexOf(tag) >= 0;
        if (seen && (!inGroups || FixTag.IsHeaderOrTrailer(tag)))
        {
            return false;
        }
        if (!seen && (uint)tag < DirectTagLimit)
        {
            _seenStamp[tag] = _stamp;
            _firstIndex[tag] = _count;
        }
        _tags[_count] = tag;
        _offsets[_count] = offset;
        _lengths[_count] = length;
        _count++;
        return true;
    }

    // BeginString, BodyLength, MsgType must be the first three fields and CheckSum the last.
    private FixParseResult CheckOrder()
    {
        for (int k = 0; k < 3; k++)
        {
            int expected = k switch { 0 => FixTag.BeginString, 1 => FixTag.BodyLength, _ => FixTag.MsgType };
            if (k >= _count || _tags[k] != expected)
            {
                return Missing(expected);
            }
        }
        return _tags[_count - 1] == FixTag.CheckSum ? FixParseResult.Valid : Missing(FixTag.CheckSum);
    }

    private FixParseResult Missing(int tag) => IndexOf(tag) >= 0
        ? FixParseResult.Reject(SessionRejectReason.TagSpecifiedOutOfRequiredOrder, tag)
        : FixParseResult.Reject(SessionRejectReason.RequiredTagMissing, tag);
}
