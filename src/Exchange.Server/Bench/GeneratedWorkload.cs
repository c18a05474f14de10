using Exchange.Core.Commands;
using Exchange.Core.Matching;

namespace Exchange.Server.Bench;

/// <summary>A pre-generated, valid command stream: setup [0, WarmupStart), warmup [WarmupStart, MeasuredStart),
/// measured [MeasuredStart, end). Replaying it from the start on a fresh engine reproduces the generator's book.</summary>
internal sealed record GeneratedWorkload(
    string Scenario,
    int Seed,
    Command[] Commands,
    int WarmupStart,
    int MeasuredStart,
    EngineOptions EngineOptions,
    WorkloadStatistics MeasuredStatistics)
{
    public int MeasuredCount => Commands.Length - MeasuredStart;

    public int WarmupCount => MeasuredStart - WarmupStart;
}
