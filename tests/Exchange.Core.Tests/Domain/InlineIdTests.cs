using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Domain;

public class InlineIdTests
{
    [Fact]
    public void ShouldRoundTripSymbolsUpToSixteenCharacters()
    {
        Assert.Equal("AAPL", Symbol.Parse("AAPL").ToString());
        Assert.Equal("ABCDEFGHIJKLMNOP", Symbol.Parse("ABCDEFGHIJKLMNOP").ToString());
        Assert.False(Symbol.TryParse("ABCDEFGHIJKLMNOPQ", out _));
        Assert.False(Symbol.TryParse("", out _));
        Assert.False(Symbol.TryParse("A B", out _));
        Assert.False(Symbol.TryParse("Ä", out _));
    }

    [Fact]
    public void ShouldCompareSymbolsByValue()
    {
        Assert.Equal(Symbol.Parse("MSFT"), Symbol.Parse("MSFT"));
        Assert.NotEqual(Symbol.Parse("MSFT"), Symbol.Parse("MSF"));
        Assert.Equal(Symbol.Parse("MSFT").GetHashCode(), Symbol.Parse("MSFT").GetHashCode());
    }

    [Fact]
    public void ShouldRoundTripClientOrderIdsUpToThirtyTwoCharacters()
    {
        string uuid = "0f8fad5bd9cb469fa16570867728950e";
        Assert.Equal(uuid, ClientOrderId.Parse(uuid).ToString());
        Assert.False(ClientOrderId.TryParse(uuid + "x", out _));
        Assert.Equal("12345", ClientOrderId.FromNumber(12345).ToString());
        Assert.NotEqual(ClientOrderId.Parse("a1"), ClientOrderId.Parse("a2"));
    }

    [Fact]
    public void ShouldWriteAndReadTheRawBytes()
    {
        var id = ClientOrderId.Parse("order-42");
        Span<byte> bytes = stackalloc byte[ClientOrderId.MaxLength];
        id.WriteTo(bytes);
        Assert.Equal(id, ClientOrderId.ReadFrom(bytes));
        var symbol = Symbol.Parse("GOOG");
        Span<byte> symbolBytes = stackalloc byte[Symbol.MaxLength];
        symbol.WriteTo(symbolBytes);
        Assert.Equal(symbol, Symbol.ReadFrom(symbolBytes));
    }
}
