using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Core.Matching;

namespace Exchange.Server.Tests.Bench;

/// <summary>What a replayed workload did on a fresh engine.</summary>
internal sealed class ReplayOutcome(MatchingEngine engine)
{
    public MatchingEngine Engine { get; } = engine;

    public long Rejected { get; private set; }

    public long RejectedUnknownOrder { get; private set; }

    public long Trades { get; private set; }

    public long Accepted { get; private set; }

    public void Count(in EngineEvent e)
    {
        switch (e.Type)
        {
            case EventType.Rejected:
                Rejected++;
                if (e.RejectReason == RejectReason.UnknownOrder)
                {
                    RejectedUnknownOrder++;
                }
                break;
            case EventType.Trade:
                Trades++;
                break;
            case EventType.Accepted:
                Accepted++;
                break;
            default:
                break;
        }
    }

    /// <summary>Price levels with resting orders, both sides, all instruments.</summary>
    public int Levels()
    {
        var buffer = new PriceLevelInfo[1 << 20];
        int total = 0;
        foreach (var instrument in Engine.Instruments)
        {
            total += Engine.GetDepth(instrument.Symbol, Side.Buy, buffer);
            total += Engine.GetDepth(instrument.Symbol, Side.Sell, buffer);
        }
        return total;
    }
}
