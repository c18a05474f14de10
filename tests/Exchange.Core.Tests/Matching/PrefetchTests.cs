using System.Runtime.InteropServices;
using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Matching;

namespace Exchange.Core.Tests.Matching;

public class PrefetchTests
{
    /// <summary>Enough resting orders to switch the prefetch on, then random new orders (some crossing), replaces (some
    /// of unknown or another account's orders) and cancels.</summary>
    private static List<Command> Stream()
    {
        var commands = SteadyWorkload.Instruments().ToList();
        var random = new Random(7);
        long time = 1;
        var live = new List<(long Account, long Id)>();
        long nextId = 1;
        for (int n = 0; n < 40_000; n++)
        {
            int kind = n < 20_000 ? 0 : random.Next(10);
            long account = random.Next(1, 50);
            if (kind < 3 || live.Count == 0)
            {
                var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                long ticks = random.Next(-20, 400);
                long price = Price.Parse("100.00") + ((side == Side.Buy ? -ticks : ticks) * Price.Parse("0.01"));
                commands.Add(Order(account, nextId, side, price, random.Next(1, 100), time++));
                live.Add((account, nextId++));
            }
            else
            {
                int pick = random.Next(live.Count);
                var (owner, id) = live[pick];
                long who = random.Next(20) == 0 ? account : owner;
                if (kind < 8)
                {
                    commands.Add(new Command
                    {
                        Type = CommandType.Replace, Account = who, Timestamp = time++,
                        OrigClientId = ClientOrderId.FromNumber(id), ClientId = ClientOrderId.FromNumber(nextId),
                        Price = Price.Parse("100.00") + (random.Next(-300, 300) * Price.Parse("0.01")), Quantity = random.Next(100, 200),
                    });
                    live[pick] = (owner, nextId++);
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

    private static Command Order(long account, long id, Side side, long price, long quantity, long time) => new()
    {
        Type = CommandType.NewOrder, Account = account, ClientId = ClientOrderId.FromNumber(id), Symbol = Symbol.Parse("AAPL"),
        Side = side, OrderType = OrderType.Limit, TimeInForce = TimeInForce.Gtc, Price = price, Quantity = quantity, Timestamp = time,
    };

    [Fact]
    public void ShouldNotChangeEventsOrStateWhenCommandsArePrefetched()
    {
        var commands = Stream();
        var plain = new MatchingEngine();
        var prefetching = new MatchingEngine();
        int peak = 0;
        for (int i = 0; i < commands.Count; i++)
        {
            // Sometimes the right command ahead, sometimes a wrong one (as a pipeline may give): hints only either way.
            int ahead = i % 7 == 0 ? i + 1 : i + MatchingEngine.PrefetchDistance;
            if (ahead < commands.Count)
            {
                prefetching.PrefetchAhead(commands[ahead]);
            }
            var expected = MemoryMarshal.AsBytes(plain.Process(commands[i])).ToArray();
            peak = Math.Max(peak, plain.LiveOrderCount);
            Assert.True(MemoryMarshal.AsBytes(prefetching.Process(commands[i])).SequenceEqual(expected));
        }
        Assert.True(peak > 16_384); // the prefetch was on for part of the stream
        Assert.Equal(plain.ComputeStateDigest(), prefetching.ComputeStateDigest());
    }
}
