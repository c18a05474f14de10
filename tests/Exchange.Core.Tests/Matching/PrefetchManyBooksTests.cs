using System.Runtime.InteropServices;
using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Matching;

namespace Exchange.Core.Tests.Matching;

/// <summary>The prefetch over many books, with takers that trade, renaming replaces (whose new id's index slot is
/// prefetched; onto a neighbouring level, far away or at the same price) and cancels (whose list neighbours are): hints only, so an engine given the commands ahead (right or wrong ones) produces the same
/// events and state as one that is not.</summary>
public class PrefetchManyBooksTests
{
    private const int Books = 20;

    private static Symbol SymbolOf(int book) => Symbol.Parse("B" + book.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Enough resting orders over <see cref="Books"/> books to switch the prefetch on, then a mix of GTC, IOC,
    /// FOK and market orders, orders for an unknown symbol, one-tick, far and same-price replaces, and cancels.</summary>
    private static List<Command> Stream()
    {
        var commands = new List<Command>();
        for (int b = 0; b < Books; b++)
        {
            commands.Add(new Command
            {
                Type = CommandType.AddInstrument, Symbol = SymbolOf(b), TickSize = Price.Parse("0.01"), LotSize = 1,
                MinQuantity = 1, MaxQuantity = 1_000_000, Price = Price.Parse("100.00"), CollarBasisPoints = 500,
            });
        }
        var random = new Random(11);
        long time = 1;
        var live = new List<(long Account, long Id, int Book, long Price)>();
        long nextId = 1;
        for (int n = 0; n < 45_000; n++)
        {
            int kind = n < 20_000 ? 0 : random.Next(20);
            long account = random.Next(1, 50);
            int book = random.Next(Books);
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            if (kind < 4 || live.Count == 0)
            {
                long ticks = random.Next(-5, 300);
                long price = Price.Parse("100.00") + ((side == Side.Buy ? -ticks : ticks) * Price.Parse("0.01"));
                commands.Add(Order(account, nextId, book, side, OrderType.Limit, TimeInForce.Gtc, price, random.Next(1, 100), time++));
                live.Add((account, nextId++, book, price));
            }
            else if (kind < 6)
            {
                // Takers: IOC and FOK limits through the touch, a market order, or an order for no known symbol.
                var type = kind == 5 && random.Next(2) == 0 ? OrderType.Market : OrderType.Limit;
                var tif = type == OrderType.Market || random.Next(2) == 0 ? TimeInForce.Ioc : TimeInForce.Fok;
                long price = type == OrderType.Market ? 0 : Price.Parse(side == Side.Buy ? "100.50" : "99.50");
                int target = random.Next(10) == 0 ? Books + 1 : book;
                commands.Add(Order(account, nextId++, target, side, type, tif, price, random.Next(1, 300), time++));
            }
            else
            {
                int pick = random.Next(live.Count);
                var (owner, id, ownBook, oldPrice) = live[pick];
                long who = random.Next(20) == 0 ? account : owner;
                if (kind < 17)
                {
                    // Mostly one tick (onto a neighbouring level), sometimes far, sometimes the same price (a larger
                    // quantity: to the back of its own level).
                    int move = random.Next(8);
                    long price = move < 2
                        ? Price.Parse("100.00") + (random.Next(-300, 300) * Price.Parse("0.01"))
                        : move == 2 ? oldPrice : oldPrice + ((random.Next(2) == 0 ? -1 : 1) * Price.Parse("0.01"));
                    commands.Add(new Command
                    {
                        Type = CommandType.Replace, Account = who, Timestamp = time++,
                        OrigClientId = ClientOrderId.FromNumber(id), ClientId = ClientOrderId.FromNumber(nextId),
                        Price = price, Quantity = random.Next(100, 200),
                    });
                    live[pick] = (owner, nextId++, ownBook, price);
                }
                else
                {
                    commands.Add(new Command
                    {
                        Type = CommandType.Cancel, Account = who, Timestamp = time++, OrigClientId = ClientOrderId.FromNumber(id),
                    });
                    live.RemoveAt(pick);
                }
            }
        }
        return commands;
    }

    private static Command Order(long account, long id, int book, Side side, OrderType type, TimeInForce tif, long price,
        long quantity, long time) => new()
    {
        Type = CommandType.NewOrder, Account = account, ClientId = ClientOrderId.FromNumber(id), Symbol = SymbolOf(book),
        Side = side, OrderType = type, TimeInForce = tif, Price = price, Quantity = quantity, Timestamp = time,
    };

    [Fact]
    public void ShouldNotChangeEventsOrStateWhenManyBooksArePrefetched()
    {
        var commands = Stream();
        var plain = new MatchingEngine();
        var prefetching = new MatchingEngine();
        int peak = 0;
        long trades = 0;
        for (int i = 0; i < commands.Count; i++)
        {
            // Mostly the right command ahead, sometimes the next one or a far one (as a pipeline may give).
            int ahead = i % 5 == 0 ? i + 1 : i % 11 == 0 ? i + 40 : i + MatchingEngine.PrefetchDistance;
            if (ahead < commands.Count)
            {
                prefetching.PrefetchAhead(commands[ahead]);
            }
            var events = plain.Process(commands[i]);
            foreach (var e in events)
            {
                trades += e.Type == Events.EventType.Trade ? 1 : 0;
            }
            var expected = MemoryMarshal.AsBytes(events).ToArray();
            peak = Math.Max(peak, plain.LiveOrderCount);
            Assert.True(MemoryMarshal.AsBytes(prefetching.Process(commands[i])).SequenceEqual(expected));
        }
        Assert.True(peak > 16_384); // the prefetch was on for part of the stream
        Assert.True(trades > 1_000); // takers met the books' best levels
        Assert.Equal(plain.ComputeStateDigest(), prefetching.ComputeStateDigest());
    }
}
