using Exchange.Core.Domain;
using Exchange.Fix.Codec;
using Exchange.Fix.Session;

namespace Exchange.Server.Gateways.Fix;

/// <summary>ExecutionReport (35=8). Quantities are whole units; prices fixed-point (10^-8).</summary>
internal struct ExecutionReport : IFixBody
{
    public long OrderId;
    public ClientOrderId ClientId;
    public ClientOrderId OrigClientId;
    /// <summary>ExecID (17): engine event sequence and symbol make it unique; <see cref="ExecIdPrefix"/> for other reports.</summary>
    public long ExecSequence;
    public char ExecIdPrefix;
    public bool MakerSide;
    public char ExecType;
    public char OrdStatus;
    public Symbol Symbol;
    public Side Side;
    public OrderType OrderType;
    public TimeInForce TimeInForce;
    public long Price;
    public long StopPrice;
    public long OrderQuantity;
    public long LastQuantity;
    public long LastPrice;
    public long LeavesQuantity;
    public long CumQuantity;
    public long AveragePrice;
    public long TransactTime;
    public int OrdRejReason;
    public int ExecRestatementReason;
    public string? Text;
    public ReadOnlyMemory<byte> OrdStatusReqId;

    public readonly ReadOnlySpan<byte> MsgType => "8"u8;

    public readonly void WriteBody(ref FixMessageWriter w)
    {
        if (OrderId > 0)
        {
            w.Append(FixTag.OrderId, OrderId);
        }
        else
        {
            w.Append(FixTag.OrderId, "NONE"u8);
        }
        if (!ClientId.IsEmpty)
        {
            FixFields.Append(ref w, FixTag.ClOrdId, ClientId);
        }
        if (!OrigClientId.IsEmpty)
        {
            FixFields.Append(ref w, FixTag.OrigClOrdId, OrigClientId);
        }
        if (!OrdStatusReqId.IsEmpty)
        {
            w.Append(FixTag.OrdStatusReqId, OrdStatusReqId.Span);
        }
        WriteExecId(ref w);
        w.Append(FixTag.ExecType, ExecType);
        w.Append(FixTag.OrdStatus, OrdStatus);
        if (ExecType == '8' && OrdRejReason >= 0)
        {
            w.Append(FixTag.OrdRejReason, OrdRejReason);
        }
        if (ExecType == 'D')
        {
            w.Append(378, ExecRestatementReason);
        }
        if (!Symbol.IsEmpty)
        {
            FixFields.Append(ref w, FixTag.Symbol, Symbol);
        }
        w.Append(FixTag.Side, FixFields.SideChar(Side));
        if (OrderQuantity > 0)
        {
            w.Append(FixTag.OrderQty, OrderQuantity);
        }
        if (OrderType != 0)
        {
            w.Append(FixTag.OrdType, FixFields.OrdTypeChar(OrderType));
        }
        if (Price != 0 && OrderType is OrderType.Limit or OrderType.StopLimit)
        {
            w.AppendFixedPoint(FixTag.Price, Price);
        }
        if (StopPrice != 0 && OrderType is OrderType.Stop or OrderType.StopLimit)
        {
            w.AppendFixedPoint(FixTag.StopPx, StopPrice);
        }
        if (TimeInForce != 0)
        {
            w.Append(FixTag.TimeInForce, FixFields.TimeInForceChar(TimeInForce));
        }
        if (ExecType == 'F')
        {
            w.Append(FixTag.LastQty, LastQuantity);
            w.AppendFixedPoint(FixTag.LastPx, LastPrice);
        }
        w.Append(FixTag.LeavesQty, LeavesQuantity);
        w.Append(FixTag.CumQty, CumQuantity);
        w.AppendFixedPoint(FixTag.AvgPx, AveragePrice);
        if (TransactTime > 0)
        {
            w.AppendUtcTimestamp(FixTag.TransactTime, TransactTime);
        }
        if (!string.IsNullOrEmpty(Text))
        {
            w.AppendString(FixTag.Text, Text);
        }
    }

    private readonly void WriteExecId(ref FixMessageWriter w)
    {
        // "AAPL-123" (engine event 123 of AAPL's shard), "AAPL-123-M" for the maker's side of a trade, or "S-7" (gateway).
        Span<byte> id = stackalloc byte[64];
        int n;
        if (ExecIdPrefix != 0)
        {
            id[0] = (byte)ExecIdPrefix;
            id[1] = (byte)'-';
            ExecSequence.TryFormat(id[2..], out n, default, System.Globalization.CultureInfo.InvariantCulture);
            n += 2;
        }
        else
        {
            Symbol.WriteTo(id);
            n = id[..Symbol.MaxLength].IndexOf((byte)0);
            if (n < 0)
            {
                n = Symbol.MaxLength;
            }
            id[n++] = (byte)'-';
            ExecSequence.TryFormat(id[n..], out int digits, default, System.Globalization.CultureInfo.InvariantCulture);
            n += digits;
            if (MakerSide)
            {
                id[n++] = (byte)'-';
                id[n++] = (byte)'M';
            }
        }
        w.Append(FixTag.ExecId, id[..n]);
    }
}
