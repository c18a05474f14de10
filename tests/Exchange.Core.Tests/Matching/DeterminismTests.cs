using System.Runtime.InteropServices;
using Exchange.Core.Commands;
using Exchange.Core.Events;
using Exchange.Core.Matching;

namespace Exchange.Core.Tests.Matching;

public class DeterminismTests
{
    private static IEnumerable<Command> Stream()
    {
        var commands = SteadyWorkload.Instruments().ToList();
        for (int r = 0; r < 20; r++)
        {
            var block = SteadyWorkload.Block(r * 1000L);
            // Leave the last round's book standing so the digest covers resting orders.
            commands.AddRange(r == 19 ? block.Where(c => c.Type != CommandType.MassCancel && c.Type != CommandType.EndOfDay) : block);
        }
        return commands;
    }

    [Fact]
    public void ShouldProduceByteIdenticalEventsAndTheSameDigestForTheSameCommands()
    {
        var a = new MatchingEngine();
        var b = new MatchingEngine(new EngineOptions { OrderCapacity = 2, LevelCapacity = 2, EventCapacity = 1 }); // pools must grow: same result
        foreach (var c in Stream())
        {
            var ea = MemoryMarshal.AsBytes(a.Process(in c)).ToArray();
            var eb = MemoryMarshal.AsBytes(b.Process(in c));
            Assert.True(eb.SequenceEqual(ea));
        }
        Assert.True(a.LiveOrderCount > 0);
        Assert.Equal(a.ComputeStateDigest(), b.ComputeStateDigest());
    }

    [Fact]
    public void ShouldChangeTheDigestWhenTheStateChanges()
    {
        var engine = new MatchingEngine();
        foreach (var c in Stream())
        {
            engine.Process(in c);
        }
        ulong before = engine.ComputeStateDigest();
        Assert.Equal(before, engine.ComputeStateDigest());
        var cancel = new Command { Type = CommandType.MassCancel, Account = 2 };
        engine.Process(in cancel);
        Assert.NotEqual(before, engine.ComputeStateDigest());
    }

    [Fact]
    public void ShouldStampEveryEventWithTheCommandsTime()
    {
        var engine = new MatchingEngine();
        foreach (var c in Stream())
        {
            foreach (EngineEvent e in engine.Process(in c))
            {
                Assert.Equal(c.Timestamp, e.Timestamp);
            }
        }
    }
}
