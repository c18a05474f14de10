using Exchange.MarketData.Itch;

namespace Exchange.MarketData.Tests;

public class ItchMessageTests
{
    // Every example uses this header: locate 0x0102, tracking 0x0304, timestamp 0x0A0B0C0D0E0F ns.
    private static readonly ItchHeader Header = new(0x0102, 0x0304, 0x0A0B0C0D0E0F);
    private const string H = "0102 0304 0A0B0C0D0E0F";
    private const ulong Ref = 0x1122334455667788;
    private const string RefHex = "1122334455667788";
    private static readonly ItchStock Aapl = ItchStock.Create("AAPL");
    private const string AaplHex = "4141504C20202020";
    private const uint Price = 1_234_500; // 123.4500 = 0x0012D644
    private const string PriceHex = "0012D644";

    private static void AssertBytes(string expected, int size, Action<byte[]> write)
    {
        var buffer = new byte[size];
        write(buffer);
        Assert.Equal(Hex.Format(Hex.Parse(expected)), Hex.Format(buffer));
    }

    [Fact]
    public void SystemEventHasTheSpecLayoutAndRoundTrips()
    {
        var m = new SystemEvent(Header, (byte)'O');
        AssertBytes($"53 {H} 4F", SystemEvent.Size, b => m.Write(b));
        Assert.True(SystemEvent.TryRead(Hex.Parse($"53 {H} 4F"), out var back));
        Assert.Equal(m, back);
    }

    [Fact]
    public void StockDirectoryHasTheSpecLayoutAndRoundTrips()
    {
        var m = new StockDirectory(Header, ItchStock.Create("ZVZZT"), (byte)'Q', (byte)'N', 100, (byte)'N', (byte)'C',
            0x5A20, (byte)'P', (byte)'N', (byte)' ', (byte)'1', (byte)'N', 0, (byte)'N');
        var expected = $"52 {H} 5A565A5A54202020 51 4E 00000064 4E 43 5A20 50 4E 20 31 4E 00000000 4E";
        AssertBytes(expected, StockDirectory.Size, b => m.Write(b));
        Assert.True(StockDirectory.TryRead(Hex.Parse(expected), out var back));
        Assert.Equal(m, back);
    }

    [Fact]
    public void StockTradingActionHasTheSpecLayoutAndRoundTrips()
    {
        var m = new StockTradingAction(Header, Aapl, (byte)'T', 0, 0x20202020);
        var expected = $"48 {H} {AaplHex} 54 00 20202020";
        AssertBytes(expected, StockTradingAction.Size, b => m.Write(b));
        Assert.True(StockTradingAction.TryRead(Hex.Parse(expected), out var back));
        Assert.Equal(m, back);
    }

    [Fact]
    public void AddOrderHasTheSpecLayoutAndRoundTrips()
    {
        var m = new AddOrder(Header, Ref, ItchSide.Buy, 100, Aapl, Price);
        var expected = $"41 {H} {RefHex} 42 00000064 {AaplHex} {PriceHex}";
        AssertBytes(expected, AddOrder.Size, b => m.Write(b));
        Assert.True(AddOrder.TryRead(Hex.Parse(expected), out var back));
        Assert.Equal(m, back);
    }

    [Fact]
    public void AddOrderWithMpidHasTheSpecLayoutAndRoundTrips()
    {
        var m = new AddOrderWithMpid(Header, Ref, ItchSide.Sell, 100, Aapl, Price, 0x4E534451);
        var expected = $"46 {H} {RefHex} 53 00000064 {AaplHex} {PriceHex} 4E534451";
        AssertBytes(expected, AddOrderWithMpid.Size, b => m.Write(b));
        Assert.True(AddOrderWithMpid.TryRead(Hex.Parse(expected), out var back));
        Assert.Equal(m, back);
    }

    [Fact]
    public void OrderExecutedHasTheSpecLayoutAndRoundTrips()
    {
        var m = new OrderExecuted(Header, Ref, 50, 7);
        var expected = $"45 {H} {RefHex} 00000032 0000000000000007";
        AssertBytes(expected, OrderExecuted.Size, b => m.Write(b));
        Assert.True(OrderExecuted.TryRead(Hex.Parse(expected), out var back));
        Assert.Equal(m, back);
    }

    [Fact]
    public void OrderExecutedWithPriceHasTheSpecLayoutAndRoundTrips()
    {
        var m = new OrderExecutedWithPrice(Header, Ref, 50, 7, (byte)'Y', Price);
        var expected = $"43 {H} {RefHex} 00000032 0000000000000007 59 {PriceHex}";
        AssertBytes(expected, OrderExecutedWithPrice.Size, b => m.Write(b));
        Assert.True(OrderExecutedWithPrice.TryRead(Hex.Parse(expected), out var back));
        Assert.Equal(m, back);
    }

    [Fact]
    public void OrderCancelHasTheSpecLayoutAndRoundTrips()
    {
        var m = new OrderCancel(Header, Ref, 25);
        var expected = $"58 {H} {RefHex} 00000019";
        AssertBytes(expected, OrderCancel.Size, b => m.Write(b));
        Assert.True(OrderCancel.TryRead(Hex.Parse(expected), out var back));
        Assert.Equal(m, back);
    }

    [Fact]
    public void OrderDeleteHasTheSpecLayoutAndRoundTrips()
    {
        var m = new OrderDelete(Header, Ref);
        var expected = $"44 {H} {RefHex}";
        AssertBytes(expected, OrderDelete.Size, b => m.Write(b));
        Assert.True(OrderDelete.TryRead(Hex.Parse(expected), out var back));
        Assert.Equal(m, back);
    }

    [Fact]
    public void OrderReplaceHasTheSpecLayoutAndRoundTrips()
    {
        var m = new OrderReplace(Header, Ref, Ref + 1, 200, Price);
        var expected = $"55 {H} {RefHex} 1122334455667789 000000C8 {PriceHex}";
        AssertBytes(expected, OrderReplace.Size, b => m.Write(b));
        Assert.True(OrderReplace.TryRead(Hex.Parse(expected), out var back));
        Assert.Equal(m, back);
    }

    [Fact]
    public void TradeHasTheSpecLayoutAndRoundTrips()
    {
        var m = new Trade(Header, 0, ItchSide.Sell, 100, Aapl, Price, 8);
        var expected = $"50 {H} 0000000000000000 53 00000064 {AaplHex} {PriceHex} 0000000000000008";
        AssertBytes(expected, Trade.Size, b => m.Write(b));
        Assert.True(Trade.TryRead(Hex.Parse(expected), out var back));
        Assert.Equal(m, back);
    }

    [Fact]
    public void TryReadRejectsAShortBufferOrTheWrongType()
    {
        var buffer = new byte[AddOrder.Size];
        new AddOrder(Header, Ref, ItchSide.Buy, 1, Aapl, Price).Write(buffer);
        Assert.False(AddOrder.TryRead(buffer.AsSpan(0, AddOrder.Size - 1), out _));
        Assert.False(OrderDelete.TryRead(buffer, out _));
        Assert.False(AddOrder.TryRead(ReadOnlySpan<byte>.Empty, out _));
    }

    [Fact]
    public void TheMaximumU48TimestampRoundTrips()
    {
        var m = new OrderDelete(new ItchHeader(ushort.MaxValue, ushort.MaxValue, ItchHeader.MaxTimestamp), ulong.MaxValue);
        var buffer = new byte[OrderDelete.Size];
        m.Write(buffer);
        Assert.True(OrderDelete.TryRead(buffer, out var back));
        Assert.Equal(m, back);
    }

    [Fact]
    public void StockSymbolsArePaddedAndTrimmed()
    {
        Assert.Equal("AAPL", Aapl.ToString());
        Assert.Equal(0x4141504C20202020UL, Aapl.Raw);
        Assert.False(ItchStock.TryCreate("TOOLONGXX", out _));
    }
}
