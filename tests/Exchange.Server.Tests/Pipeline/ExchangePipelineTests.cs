using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Core.Matching;
using Exchange.Server.Pipeline;

namespace Exchange.Server.Tests.Pipeline;

public class ExchangePipelineTests
{
    private static readonly Symbol Aapl = Symbol.Parse("AAPL");

    /// <summary>Records every released event and the commands in sequence order.</summary>
    private sealed class Recorder : IEventListener
    {
        public List<OutboundSlot> Slots { get; } = [];

        public void OnEvent(in OutboundSlot slot) => Slots.Add(slot);
    }

    private static (ExchangePipeline Pipeline, InProcessClient Client, Recorder Recorder) Start(PipelineOptions? options = null)
    {
        var client = new InProcessClient(sessionId: 1);
        var recorder = new Recorder();
        var pipeline = new ExchangePipeline(new MatchingEngine(), [client, recorder], options);
        client.Pipeline = pipeline;
        pipeline.Start();
        return (pipeline, client, recorder);
    }

    private static Command Instrument() => new()
    {
        Type = CommandType.AddInstrument, Symbol = Aapl, TickSize = Price.Parse("0.01"), LotSize = 1, MinQuantity = 1, MaxQuantity = 1_000_000,
    };

    private static Command Limit(long account, string id, Side side, string price, long qty) => new()
    {
        Type = CommandType.NewOrder, Account = account, ClientId = ClientOrderId.Parse(id), Symbol = Aapl, Side = side,
        OrderType = OrderType.Limit, TimeInForce = TimeInForce.Gtc, Price = Price.Parse(price), Quantity = qty,
    };

    [Fact]
    public async Task ShouldReturnTheEventsOfEachSubmittedCommand()
    {
        var (pipeline, client, _) = Start();
        using (pipeline)
        {
            Assert.Equal(EventType.InstrumentAdded, Assert.Single((await client.SubmitAsync(Instrument())).Events).Type);
            await client.SubmitAsync(Limit(1, "s", Side.Sell, "100.00", 10));
            var result = await client.SubmitAsync(Limit(2, "b", Side.Buy, "100.00", 4));
            Assert.Equal([EventType.Accepted, EventType.Trade], result.Events.Select(e => e.Type));
            Assert.Empty((await client.SubmitAsync(new Command { Type = CommandType.AdvanceTime })).Events);
        }
    }

    [Fact]
    public async Task ShouldSequenceConcurrentProducersIntoOneOrderThatReplaysToTheSameState()
    {
        var (pipeline, client, recorder) = Start(new PipelineOptions { InboundRingSize = 64, OutboundRingSize = 64 });
        var accepted = new List<(long Sequence, Command Command)>();
        await client.SubmitAsync(Instrument());
        var tasks = Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            var mine = new List<(long, Command)>();
            for (int i = 0; i < 500; i++)
            {
                var side = (i + p) % 2 == 0 ? Side.Buy : Side.Sell;
                var command = Limit(p + 1, $"p{p}-{i}", side, $"{100 + (i % 7) - 3}.00", 1 + i % 5);
                while (true)
                {
                    try
                    {
                        var result = await client.SubmitAsync(command);
                        mine.Add((result.CommandSequence, command));
                        break;
                    }
                    catch (ExchangeBusyException)
                    {
                        await Task.Yield();
                    }
                }
            }
            return mine;
        })).ToArray();
        foreach (var list in await Task.WhenAll(tasks))
        {
            accepted.AddRange(list);
        }
        pipeline.Stop();

        // Every event is released once, in engine sequence order without gaps.
        var sequences = recorder.Slots.Where(s => s.Event.Type != 0).Select(s => s.Event.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);

        // Replaying the commands in their sequence order gives the same state.
        var replay = new MatchingEngine();
        var instrument = Instrument();
        replay.Process(in instrument);
        foreach (var (_, command) in accepted.OrderBy(a => a.Sequence))
        {
            replay.Process(in command);
        }
        Assert.Equal(pipeline.Engine.ComputeStateDigest(), replay.ComputeStateDigest());
    }

    [Fact]
    public void ShouldRefuseSubmissionsWhenTheInboundRingIsFull()
    {
        var client = new InProcessClient(1);
        var pipeline = new ExchangePipeline(new MatchingEngine(), [client], new PipelineOptions { InboundRingSize = 4 });
        client.Pipeline = pipeline; // not started: nothing drains the ring
        var command = Instrument();
        for (int i = 0; i < 4; i++)
        {
            Assert.True(pipeline.TrySubmit(in command, 1, i, out _));
        }
        Assert.False(pipeline.TrySubmit(in command, 1, 99, out _));
        Assert.True(client.SubmitAsync(command).IsFaulted);
    }
}
