using Exchange.Core.Domain;
using Exchange.MarketData.Views;
using Google.Protobuf;

namespace Exchange.Api.Messages;

/// <summary>The Protocol Buffers encoding of <see cref="FeedMessage"/>, written and read with Google.Protobuf's
/// coded streams against the schema in docs/market-data.proto (no generated code: the encoder computes sizes and
/// writes one exact-size array). Prices are int64 fixed-point (10^-8); enums are the numbers in the schema, 0 = unset;
/// the channel is sent as its number + 1.</summary>
public static class ProtobufMessageCodec
{
    public static byte[] Encode(FeedMessage m)
    {
        var data = new byte[Size(m)];
        var output = new CodedOutputStream(data);
        Write(output, m);
        output.CheckNoSpaceLeft();
        return data;
    }

    private static int Size(FeedMessage m)
    {
        int size = Int(1, (long)m.Type) + Int(2, (long)m.Channel + 1) + Str(3, m.Symbol) + Int(4, m.Sequence) + Int(5, m.Timestamp) + Str(6, m.Text);
        if (m.Type is not (MessageType.Snapshot or MessageType.Update))
        {
            return size;
        }
        switch (m.Channel)
        {
            case Channel.L1:
                size += Nested(7, LevelSize(m.Bid)) + Nested(8, LevelSize(m.Ask));
                break;
            case Channel.L2:
                foreach (var l in m.Bids)
                {
                    size += Nested(9, LevelSize(l));
                }
                foreach (var l in m.Asks)
                {
                    size += Nested(10, LevelSize(l));
                }
                break;
            case Channel.L3:
                foreach (var o in m.Orders)
                {
                    size += Nested(11, OrderSize(o));
                }
                foreach (var u in m.OrderUpdates)
                {
                    size += Nested(12, UpdateSize(u));
                }
                break;
            case Channel.Trades:
                foreach (var t in m.Trades)
                {
                    size += Nested(13, TradeSize(t));
                }
                break;
            case Channel.Bars:
                foreach (var (interval, b) in m.Bars)
                {
                    size += Nested(14, BarSize(interval, b));
                }
                break;
            case Channel.Status:
                size += Int(15, (long)m.Status) + Nested(16, StatisticsSize(m.Statistics)) + (m.Stale ? CodedOutputStream.ComputeTagSize(17) + 1 : 0);
                break;
        }
        return size;
    }

    private static void Write(CodedOutputStream o, FeedMessage m)
    {
        WriteInt(o, 1, (long)m.Type);
        WriteInt(o, 2, (long)m.Channel + 1);
        WriteStr(o, 3, m.Symbol);
        WriteInt(o, 4, m.Sequence);
        WriteInt(o, 5, m.Timestamp);
        WriteStr(o, 6, m.Text);
        if (m.Type is not (MessageType.Snapshot or MessageType.Update))
        {
            return;
        }
        switch (m.Channel)
        {
            case Channel.L1:
                WriteLevel(o, 7, m.Bid);
                WriteLevel(o, 8, m.Ask);
                break;
            case Channel.L2:
                foreach (var l in m.Bids)
                {
                    WriteLevel(o, 9, l);
                }
                foreach (var l in m.Asks)
                {
                    WriteLevel(o, 10, l);
                }
                break;
            case Channel.L3:
                foreach (var x in m.Orders)
                {
                    Begin(o, 11, OrderSize(x));
                    WriteInt(o, 1, x.OrderId);
                    WriteInt(o, 2, (long)x.Side);
                    WriteInt(o, 3, x.Price);
                    WriteInt(o, 4, x.Quantity);
                }
                foreach (var u in m.OrderUpdates)
                {
                    Begin(o, 12, UpdateSize(u));
                    WriteInt(o, 1, (long)u.Kind);
                    WriteInt(o, 2, u.OrderId);
                    WriteInt(o, 3, (long)u.Side);
                    WriteInt(o, 4, u.Price);
                    WriteInt(o, 5, u.Quantity);
                    WriteInt(o, 6, u.TradeId);
                }
                break;
            case Channel.Trades:
                foreach (var t in m.Trades)
                {
                    Begin(o, 13, TradeSize(t));
                    WriteInt(o, 1, t.TradeId);
                    WriteInt(o, 2, t.Price);
                    WriteInt(o, 3, t.Quantity);
                    WriteInt(o, 4, (long)t.AggressorSide);
                    WriteInt(o, 5, t.Timestamp);
                    WriteInt(o, 6, t.MakerOrderId);
                }
                break;
            case Channel.Bars:
                foreach (var (interval, b) in m.Bars)
                {
                    Begin(o, 14, BarSize(interval, b));
                    WriteInt(o, 1, (long)interval);
                    WriteInt(o, 2, b.Start);
                    WriteInt(o, 3, b.Open);
                    WriteInt(o, 4, b.High);
                    WriteInt(o, 5, b.Low);
                    WriteInt(o, 6, b.Close);
                    WriteInt(o, 7, b.Volume);
                    WriteInt(o, 8, b.TradeCount);
                }
                break;
            case Channel.Status:
                WriteInt(o, 15, (long)m.Status);
                var s = m.Statistics;
                Begin(o, 16, StatisticsSize(s));
                WriteInt(o, 1, s.Open);
                WriteInt(o, 2, s.High);
                WriteInt(o, 3, s.Low);
                WriteInt(o, 4, s.Last);
                WriteInt(o, 5, s.Volume);
                WriteInt(o, 6, s.Vwap);
                WriteInt(o, 7, s.TradeCount);
                if (m.Stale)
                {
                    o.WriteTag(17, WireFormat.WireType.Varint);
                    o.WriteBool(true);
                }
                break;
        }
    }

    private static int LevelSize(PriceLevelView l) => Int(1, l.Price) + Int(2, l.Quantity) + Int(3, l.OrderCount);

    private static int OrderSize(OrderView o) => Int(1, o.OrderId) + Int(2, (long)o.Side) + Int(3, o.Price) + Int(4, o.Quantity);

    private static int UpdateSize(BookUpdate u) =>
        Int(1, (long)u.Kind) + Int(2, u.OrderId) + Int(3, (long)u.Side) + Int(4, u.Price) + Int(5, u.Quantity) + Int(6, u.TradeId);

    private static int TradeSize(TradePrint t) =>
        Int(1, t.TradeId) + Int(2, t.Price) + Int(3, t.Quantity) + Int(4, (long)t.AggressorSide) + Int(5, t.Timestamp) + Int(6, t.MakerOrderId);

    private static int BarSize(BarInterval i, Bar b) =>
        Int(1, (long)i) + Int(2, b.Start) + Int(3, b.Open) + Int(4, b.High) + Int(5, b.Low) + Int(6, b.Close) + Int(7, b.Volume) + Int(8, b.TradeCount);

    private static int StatisticsSize(StatisticsView s) =>
        Int(1, s.Open) + Int(2, s.High) + Int(3, s.Low) + Int(4, s.Last) + Int(5, s.Volume) + Int(6, s.Vwap) + Int(7, s.TradeCount);

    private static int Int(int field, long value) =>
        value == 0 ? 0 : CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeInt64Size(value);

    private static int Str(int field, string value) =>
        value.Length == 0 ? 0 : CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeStringSize(value);

    private static int Nested(int field, int size) => CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeLengthSize(size) + size;

    private static void WriteInt(CodedOutputStream o, int field, long value)
    {
        if (value != 0)
        {
            o.WriteTag(field, WireFormat.WireType.Varint);
            o.WriteInt64(value);
        }
    }

    private static void WriteStr(CodedOutputStream o, int field, string value)
    {
        if (value.Length > 0)
        {
            o.WriteTag(field, WireFormat.WireType.LengthDelimited);
            o.WriteString(value);
        }
    }

    private static void Begin(CodedOutputStream o, int field, int size)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteLength(size);
    }

    private static void WriteLevel(CodedOutputStream o, int field, PriceLevelView l)
    {
        Begin(o, field, LevelSize(l));
        WriteInt(o, 1, l.Price);
        WriteInt(o, 2, l.Quantity);
        WriteInt(o, 3, l.OrderCount);
    }

    /// <summary>Reads a message written by <see cref="Encode"/>; unknown fields are skipped. Throws
    /// <see cref="InvalidProtocolBufferException"/> on malformed input.</summary>
    public static FeedMessage Decode(byte[] data)
    {
        var input = new CodedInputStream(data);
        MessageType type = 0;
        long channel = 0, sequence = 0, timestamp = 0, status = 0;
        string symbol = "", text = "";
        bool stale = false;
        PriceLevelView bid = default, ask = default;
        StatisticsView statistics = default;
        List<PriceLevelView> bids = [], asks = [];
        List<OrderView> orders = [];
        List<BookUpdate> updates = [];
        List<TradePrint> trades = [];
        List<(BarInterval, Bar)> bars = [];
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: type = (MessageType)input.ReadInt64(); break;
                case 2: channel = input.ReadInt64(); break;
                case 3: symbol = input.ReadString(); break;
                case 4: sequence = input.ReadInt64(); break;
                case 5: timestamp = input.ReadInt64(); break;
                case 6: text = input.ReadString(); break;
                case 7: bid = ReadLevel(Fields(input)); break;
                case 8: ask = ReadLevel(Fields(input)); break;
                case 9: bids.Add(ReadLevel(Fields(input))); break;
                case 10: asks.Add(ReadLevel(Fields(input))); break;
                case 11:
                    var of = Fields(input);
                    orders.Add(new OrderView(of[1], (Side)of[2], of[3], of[4]));
                    break;
                case 12:
                    var uf = Fields(input);
                    updates.Add(new BookUpdate((BookUpdateKind)uf[1], uf[2], (Side)uf[3], uf[4], uf[5], uf[6]));
                    break;
                case 13:
                    var tf = Fields(input);
                    trades.Add(new TradePrint(tf[1], tf[2], tf[3], (Side)tf[4], tf[5], tf[6]));
                    break;
                case 14:
                    var bf = Fields(input);
                    bars.Add(((BarInterval)bf[1], new Bar(bf[2], bf[3], bf[4], bf[5], bf[6], bf[7], (int)bf[8])));
                    break;
                case 15: status = input.ReadInt64(); break;
                case 16:
                    var sf = Fields(input);
                    statistics = new StatisticsView(sf[1], sf[2], sf[3], sf[4], sf[5], sf[6], sf[7]);
                    break;
                case 17: stale = input.ReadBool(); break;
                default: input.SkipLastField(); break;
            }
        }
        return new FeedMessage
        {
            Type = type,
            Channel = channel == 0 ? Channel.Trades : (Channel)(channel - 1),
            Symbol = symbol,
            Sequence = sequence,
            Timestamp = timestamp,
            Text = text,
            Bid = bid,
            Ask = ask,
            Bids = bids,
            Asks = asks,
            Orders = orders,
            OrderUpdates = updates,
            Trades = trades,
            Bars = bars,
            Status = (TradingStatus)status,
            Statistics = statistics,
            Stale = stale,
        };
    }

    private static PriceLevelView ReadLevel(long[] f) => new(f[1], f[2], (int)f[3]);

    /// <summary>A nested message whose fields are all varints numbered 1–8: their values by field number.</summary>
    private static long[] Fields(CodedInputStream input)
    {
        var nested = new CodedInputStream(input.ReadBytes().ToByteArray());
        var fields = new long[9];
        uint tag;
        while ((tag = nested.ReadTag()) != 0)
        {
            int field = WireFormat.GetTagFieldNumber(tag);
            if (field is >= 1 and <= 8 && WireFormat.GetTagWireType(tag) == WireFormat.WireType.Varint)
            {
                fields[field] = nested.ReadInt64();
            }
            else
            {
                nested.SkipLastField();
            }
        }
        return fields;
    }
}
