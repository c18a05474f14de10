using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Exchange.Core.Commands;
using Exchange.Core.Domain;

namespace Exchange.Journal.Encoding;

/// <summary>Fixed-layout little-endian binary encoding of a <see cref="Command"/>: every field, always
/// <see cref="Size"/> bytes, allocation-free. Enums are stored as their raw byte values (unknown values
/// round-trip unchanged; validating them is the engine's job). The layout is part of the journal format and is also
/// described in docs/journal.md. Record format version 1 (184 bytes) ends before EntrySession: its records decode
/// with EntrySession 0 (<see cref="DecodeVersion1"/>); the two fields added for risk use bytes that were reserved and
/// written 0 before, so the oldest journals decode unchanged too.
/// <code>
/// offset size field
///      0    1 Type (CommandType)
///      1    1 Side
///      2    1 OrderType
///      3    1 TimeInForce
///      4    1 SelfTradePrevention
///      5    1 Flags (OrderFlags)
///      6    1 Status (TradingStatus)
///      7    1 Limit (RiskLimit; was reserved, written 0, before risk)
///      8    8 Timestamp (i64)
///     16    8 Account (i64)
///     24   16 Symbol (raw zero-padded ASCII)
///     40   32 ClientId (raw zero-padded ASCII)
///     72   32 OrigClientId (raw zero-padded ASCII)
///    104    8 Price (i64)
///    112    8 StopPrice (i64)
///    120    8 Quantity (i64)
///    128    8 DisplayQuantity (i64)
///    136    8 ExpireTime (i64)
///    144    8 TickSize (i64)
///    152    8 LotSize (i64)
///    160    8 MinQuantity (i64)
///    168    8 MaxQuantity (i64)
///    176    4 CollarBasisPoints (i32)
///    180    4 Currency (4 raw zero-padded ASCII bytes; was reserved, written 0, before risk)
///    184    8 EntrySession (i64; record format version 2)
///    192      end
/// </code></summary>
public static class CommandCodec
{
    /// <summary>Encoded size in bytes (a multiple of 8).</summary>
    public const int Size = 192;

    /// <summary>Encoded size in record format version 1 (no EntrySession).</summary>
    public const int SizeVersion1 = 184;

    /// <summary>Writes <paramref name="command"/> into the first <see cref="Size"/> bytes of
    /// <paramref name="destination"/>; throws <see cref="ArgumentException"/> if it is shorter.</summary>
    public static void Encode(in Command command, Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            ThrowTooShort(nameof(destination));
        }
        destination[0] = (byte)command.Type;
        destination[1] = (byte)command.Side;
        destination[2] = (byte)command.OrderType;
        destination[3] = (byte)command.TimeInForce;
        destination[4] = (byte)command.SelfTradePrevention;
        destination[5] = (byte)command.Flags;
        destination[6] = (byte)command.Status;
        destination[7] = (byte)command.Limit;
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], command.Timestamp);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], command.Account);
        command.Symbol.WriteTo(destination[24..]);
        command.ClientId.WriteTo(destination[40..]);
        command.OrigClientId.WriteTo(destination[72..]);
        BinaryPrimitives.WriteInt64LittleEndian(destination[104..], command.Price);
        BinaryPrimitives.WriteInt64LittleEndian(destination[112..], command.StopPrice);
        BinaryPrimitives.WriteInt64LittleEndian(destination[120..], command.Quantity);
        BinaryPrimitives.WriteInt64LittleEndian(destination[128..], command.DisplayQuantity);
        BinaryPrimitives.WriteInt64LittleEndian(destination[136..], command.ExpireTime);
        BinaryPrimitives.WriteInt64LittleEndian(destination[144..], command.TickSize);
        BinaryPrimitives.WriteInt64LittleEndian(destination[152..], command.LotSize);
        BinaryPrimitives.WriteInt64LittleEndian(destination[160..], command.MinQuantity);
        BinaryPrimitives.WriteInt64LittleEndian(destination[168..], command.MaxQuantity);
        BinaryPrimitives.WriteInt32LittleEndian(destination[176..], command.CollarBasisPoints);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[180..], command.Currency.Value);
        BinaryPrimitives.WriteInt64LittleEndian(destination[184..], command.EntrySession);
    }

    /// <summary>Reads a command written by <see cref="Encode"/> from the first <see cref="Size"/> bytes of
    /// <paramref name="source"/>; throws <see cref="ArgumentException"/> if it is shorter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Decode(ReadOnlySpan<byte> source, out Command command)
    {
        if (source.Length < Size)
        {
            ThrowTooShort(nameof(source));
        }
        DecodeVersion1(source, out command);
        command.EntrySession = BinaryPrimitives.ReadInt64LittleEndian(source[184..]);
    }

    /// <summary>Reads a command of record format version 1 (<see cref="SizeVersion1"/> bytes, no EntrySession).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DecodeVersion1(ReadOnlySpan<byte> source, out Command command)
    {
        if (source.Length < SizeVersion1)
        {
            ThrowTooShort(nameof(source));
        }
        command = new Command
        {
            Type = (CommandType)source[0],
            Side = (Side)source[1],
            OrderType = (OrderType)source[2],
            TimeInForce = (TimeInForce)source[3],
            SelfTradePrevention = (SelfTradePrevention)source[4],
            Flags = (OrderFlags)source[5],
            Status = (TradingStatus)source[6],
            Limit = (RiskLimit)source[7],
            Timestamp = BinaryPrimitives.ReadInt64LittleEndian(source[8..]),
            Account = BinaryPrimitives.ReadInt64LittleEndian(source[16..]),
            Symbol = Symbol.ReadFrom(source[24..]),
            ClientId = ClientOrderId.ReadFrom(source[40..]),
            OrigClientId = ClientOrderId.ReadFrom(source[72..]),
            Price = BinaryPrimitives.ReadInt64LittleEndian(source[104..]),
            StopPrice = BinaryPrimitives.ReadInt64LittleEndian(source[112..]),
            Quantity = BinaryPrimitives.ReadInt64LittleEndian(source[120..]),
            DisplayQuantity = BinaryPrimitives.ReadInt64LittleEndian(source[128..]),
            ExpireTime = BinaryPrimitives.ReadInt64LittleEndian(source[136..]),
            TickSize = BinaryPrimitives.ReadInt64LittleEndian(source[144..]),
            LotSize = BinaryPrimitives.ReadInt64LittleEndian(source[152..]),
            MinQuantity = BinaryPrimitives.ReadInt64LittleEndian(source[160..]),
            MaxQuantity = BinaryPrimitives.ReadInt64LittleEndian(source[168..]),
            CollarBasisPoints = BinaryPrimitives.ReadInt32LittleEndian(source[176..]),
            Currency = Currency.FromValue(BinaryPrimitives.ReadUInt32LittleEndian(source[180..])),
        };
    }

    // Kept out of Encode/Decode so the hot methods stay small enough to inline.
    private static void ThrowTooShort(string parameter) =>
        throw new ArgumentException("The buffer is shorter than an encoded command.", parameter);
}
