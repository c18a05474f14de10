using Exchange.MarketData.Books;
using Exchange.MarketData.Itch;

namespace Exchange.MarketData.Tests;

public class ItchOrderBookTests
{
    private const ushort Locate = 7;
    private static readonly ItchHeader Header = new(Locate, 0, 0);
    private static readonly ItchStock Stock = ItchStock.Create("ZVZZT");

    private static ItchOrderBook BookWithOrders()
    {
        var book = new ItchOrderBook();
        book.OnAddOrder(new AddOrder(Header, 1, ItchSide.Buy, 100, Stock, 10_0000));
        book.OnAddOrder(new AddOrder(Header, 2, ItchSide.Buy, 50, Stock, 10_0000));
        book.OnAddOrder(new AddOrder(Header, 3, ItchSide.Buy, 30, Stock, 9_9900));
        book.OnAddOrderWithMpid(new AddOrderWithMpid(Header, 4, ItchSide.Sell, 70, Stock, 10_0100, 0x4E534451));
        return book;
    }

    private static ItchStockBook Levels(ItchOrderBook book) =>
        book.TryGetBook(Locate, out var levels) ? levels : throw new InvalidOperationException("no book");

    [Fact]
    public void AddsAggregateIntoLevelsBestPriceFirst()
    {
        var book = BookWithOrders();
        var levels = Levels(book);
        Assert.Equal([new ItchBookLevel(10_0000, 150), new ItchBookLevel(9_9900, 30)], levels.Bids.ToArray());
        Assert.Equal([new ItchBookLevel(10_0100, 70)], levels.Asks.ToArray());
        Assert.Equal(Exchange.Core.Domain.Price.Parse("10"), levels.Bids.First().EnginePrice);
        Assert.Equal("ZVZZT", levels.Stock.ToString());
        Assert.Equal(0, book.CountInconsistencies());
    }

    [Fact]
    public void ExecutionsAndCancelsReduceAndDeletesRemove()
    {
        var book = BookWithOrders();
        book.OnOrderExecuted(new OrderExecuted(Header, 1, 40, 1));
        book.OnOrderExecutedWithPrice(new OrderExecutedWithPrice(Header, 2, 50, 2, (byte)'Y', 10_0050));
        book.OnOrderCancel(new OrderCancel(Header, 4, 20));
        book.OnOrderDelete(new OrderDelete(Header, 3));

        var levels = Levels(book);
        Assert.Equal([new ItchBookLevel(10_0000, 60)], levels.Bids.ToArray());
        Assert.Equal([new ItchBookLevel(10_0100, 50)], levels.Asks.ToArray());
        Assert.False(book.TryGetOrder(2, out _));
        Assert.True(book.TryGetOrder(1, out var order));
        Assert.Equal(60u, order.Shares);
        Assert.Equal(2, book.OrderCount);
        Assert.Equal(0, book.CountInconsistencies());
    }

    [Fact]
    public void AReplaceMovesTheOrderToItsNewReferencePriceAndSize()
    {
        var book = BookWithOrders();
        book.OnOrderReplace(new OrderReplace(Header, 4, 40, 200, 10_0200));

        Assert.False(book.TryGetOrder(4, out _));
        Assert.True(book.TryGetOrder(40, out var replaced));
        Assert.Equal(new ItchBookOrder(Locate, ItchSide.Sell, 10_0200, 200), replaced);
        Assert.Equal([new ItchBookLevel(10_0200, 200)], Levels(book).Asks.ToArray());
        Assert.Equal(0, book.CountInconsistencies());
    }

    [Fact]
    public void UnknownReferencesOversizedReductionsAndDuplicatesAreCountedNotThrown()
    {
        var book = BookWithOrders();
        book.OnOrderExecuted(new OrderExecuted(Header, 99, 1, 1));
        book.OnOrderCancel(new OrderCancel(Header, 99, 1));
        book.OnOrderDelete(new OrderDelete(Header, 99));
        book.OnOrderReplace(new OrderReplace(Header, 99, 100, 1, 1));
        book.OnOrderCancel(new OrderCancel(Header, 3, 31));
        book.OnAddOrder(new AddOrder(Header, 1, ItchSide.Sell, 5, Stock, 1));

        Assert.Equal(4, book.UnknownOrderReferences);
        Assert.Equal(1, book.OversizedReductions);
        Assert.Equal(1, book.DuplicateOrderReferences);
        Assert.False(book.TryGetOrder(3, out _));
        Assert.Equal(0, Levels(book).SharesAt(ItchSide.Buy, 9_9900));
        Assert.Equal(0, book.CountInconsistencies());
    }

    [Fact]
    public void TheConsistencyCheckNoticesALevelThatNoOrderExplains()
    {
        var book = BookWithOrders();
        Levels(book).Add(ItchSide.Buy, 10_0000, 5);
        Levels(book).Add(ItchSide.Sell, 20_0000, 5);
        Assert.Equal(2, book.CountInconsistencies());
    }

    [Fact]
    public void AnAddWithAnInvalidSideIsCountedAndIgnored()
    {
        var book = new ItchOrderBook();
        book.OnAddOrder(new AddOrder(Header, 1, (ItchSide)'Z', 100, Stock, 1));
        Assert.Equal(1, book.InvalidSides);
        Assert.Equal(0, book.OrderCount);
    }

    [Fact]
    public void RandomMessagesNeverThrowOrBreakConsistency()
    {
        var random = new Random(7);
        var book = new ItchOrderBook();
        Span<byte> message = stackalloc byte[44];
        ReadOnlySpan<byte> types = "AFECXDUP"u8;
        for (int i = 0; i < 50_000; i++)
        {
            random.NextBytes(message);
            message[0] = types[random.Next(types.Length)];
            message[1] = 0; // A few stocks,
            message[2] = (byte)random.Next(3);
            message[11..18].Clear(); // and few enough references that they collide.
            message[18] = (byte)random.Next(64);
            message[19] = random.Next(3) switch { 0 => (byte)'B', 1 => (byte)'S', _ => message[19] };
            ItchDispatcher.Dispatch(message, ref book);
        }
        Assert.Equal(0, book.CountInconsistencies());
        Assert.All(book.Books.SelectMany(b => b.Bids.Concat(b.Asks)), level => Assert.True(level.Shares > 0));
    }

    [SampleFileFact]
    public void TheSampleFileRebuildsConsistentBooksWithExactlyTheKnownOutOfOrderReferences()
    {
        var book = new ItchOrderBook();
        var tally = new UnknownReferenceTally(book);
        var reader = new ItchReader(SampleFile.Read());
        while (reader.Read(out var message) == ItchReadStatus.Message)
        {
            ItchDispatcher.Dispatch(message, ref tally);
        }

        // The sample is a per-type subset of a day, not a causal stream: 117 messages (D 94, E 18, X 3, U 2)
        // name an order whose A comes later in the file (timestamps never decrease, so this is the data, not
        // our ordering). Each of the 117 was checked to have its add after it; none refers to an order
        // added before the file starts.
        Assert.Equal(117, book.UnknownOrderReferences);
        Assert.Equal(new Dictionary<char, long> { ['D'] = 94, ['E'] = 18, ['X'] = 3, ['U'] = 2 }.OrderBy(kv => kv.Key), tally.ByType.OrderBy(kv => kv.Key));
        Assert.Equal(0, book.OversizedReductions);
        Assert.Equal(0, book.DuplicateOrderReferences);
        Assert.Equal(0, book.CountInconsistencies());
        Assert.Equal(3, book.Books.Count(b => b.Stock.Raw != 0));
        Assert.All(book.Books.SelectMany(b => b.Bids.Concat(b.Asks)), level => Assert.True(level.Shares > 0));
    }
}
