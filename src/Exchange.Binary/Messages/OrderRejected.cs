using System.Buffers.Binary;
using Exchange.Core.Domain;

namespace Exchange.Binary.Messages;

/// <summary>A client message was refused and changed nothing ('J', 96 bytes). Offsets: 0 type, 1 the refused
/// message's type (0 if unknown), 2 reason u16 (<see cref="BinaryRejectReason"/>), 4..7 reserved, 8 timestamp
/// i64 (engine time; 0 for the gateway's own rejects), 16 client order id[32] (of an enter order, the new id of
/// a replace), 48 client order id of the order referred to[32] (cancel, replace), 80 symbol[16].</summary>
public struct OrderRejected
{
    public const int Length = 96;

    public ClientMessageType RejectedMessageType;
    public BinaryRejectReason Reason;
    public long Timestamp;
    public ClientOrderId ClientOrderId;
    public ClientOrderId OrigClientOrderId;
    public Symbol Symbol;

    public readonly int WriteTo(Span<byte> m)
    {
        m = m[..Length];
        m[0] = (byte)ServerMessageType.OrderRejected;
        m[1] = (byte)RejectedMessageType;
        BinaryPrimitives.WriteUInt16LittleEndian(m[2..], (ushort)Reason);
        m[4..8].Clear();
        Wire.I64(m, 8, Timestamp);
        Wire.Id(m, 16, ClientOrderId);
        Wire.Id(m, 48, OrigClientOrderId);
        Wire.Sym(m, 80, Symbol);
        return Length;
    }

    public static bool TryRead(ReadOnlySpan<byte> m, out OrderRejected r)
    {
        r = default;
        if (m.Length != Length)
        {
            return false;
        }
        r = new OrderRejected
        {
            RejectedMessageType = (ClientMessageType)m[1],
            Reason = (BinaryRejectReason)BinaryPrimitives.ReadUInt16LittleEndian(m[2..]),
            Timestamp = Wire.I64(m, 8),
            ClientOrderId = Wire.Id(m, 16),
            OrigClientOrderId = Wire.Id(m, 48),
            Symbol = Wire.Sym(m, 80),
        };
        return true;
    }
}
