using Exchange.Core.Domain;
using Exchange.Fix.Codec;

namespace Exchange.Server.Gateways.Fix;

/// <summary>Writes the engine's inline ASCII values as FIX fields without allocating.</summary>
internal static class FixFields
{
    public static void Append(ref FixMessageWriter writer, int tag, ClientOrderId id)
    {
        Span<byte> bytes = stackalloc byte[ClientOrderId.MaxLength];
        id.WriteTo(bytes);
        writer.Append(tag, Trim(bytes));
    }

    public static void Append(ref FixMessageWriter writer, int tag, Symbol symbol)
    {
        Span<byte> bytes = stackalloc byte[Symbol.MaxLength];
        symbol.WriteTo(bytes);
        writer.Append(tag, Trim(bytes));
    }

    public static bool TryParseClientId(ReadOnlySpan<byte> value, out ClientOrderId id)
    {
        Span<char> chars = stackalloc char[ClientOrderId.MaxLength];
        id = default;
        return value.Length <= ClientOrderId.MaxLength && System.Text.Ascii.ToUtf16(value, chars, out int n) == System.Buffers.OperationStatus.Done
            && ClientOrderId.TryParse(chars[..n], out id);
    }

    public static bool TryParseSymbol(ReadOnlySpan<byte> value, out Symbol symbol)
    {
        Span<char> chars = stackalloc char[Symbol.MaxLength];
        symbol = default;
        return value.Length <= Symbol.MaxLength && System.Text.Ascii.ToUtf16(value, chars, out int n) == System.Buffers.OperationStatus.Done
            && Symbol.TryParse(chars[..n], out symbol);
    }

    public static char SideChar(Side side) => side == Side.Sell ? '2' : '1';

    public static char OrdTypeChar(OrderType type) => type switch
    {
        OrderType.Market => '1',
        OrderType.Stop => '3',
        OrderType.StopLimit => '4',
        _ => '2',
    };

    public static char TimeInForceChar(TimeInForce tif) => tif switch
    {
        TimeInForce.Day => '0',
        TimeInForce.Ioc => '3',
        TimeInForce.Fok => '4',
        TimeInForce.Gtd => '6',
        _ => '1',
    };

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.IndexOf((byte)0);
        return end < 0 ? bytes : bytes[..end];
    }
}
