using Exchange.Core.Events;
using Exchange.Core.Matching;
using Exchange.Server.Bench;

namespace Exchange.Server.Tests.Bench;

/// <summary>Replays a generated workload on a fresh engine, the way the benchmark does, counting what happened.</summary>
internal static class WorkloadReplay
{
    public static ReplayOutcome Run(GeneratedWorkload workload)
    {
        var engine = new MatchingEngine(workload.EngineOptions);
        var outcome = new ReplayOutcome(engine);
        foreach (ref readonly var command in workload.Commands.AsSpan())
        {
            foreach (ref readonly var e in engine.Process(in command))
            {
                outcome.Count(in e);
            }
        }
        return outcome;
    }
}
