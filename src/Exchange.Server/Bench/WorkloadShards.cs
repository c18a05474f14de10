using Exchange.Core.Commands;

namespace Exchange.Server.Bench;

/// <summary>Splits a workload into the command streams of several shards, routed as the exchange routes them
/// (<see cref="ShardRouter"/>, <c>ExchangeNode.TrySubmit</c>): a command with a symbol goes to the shard of its
/// instrument, one without (a cash deposit, turning risk on) to every shard. Instruments are dealt to the shards in
/// the order they are declared (0, 1, …, 0, 1, …), as an operator spreading many similar books would; a symbol never
/// declared goes to shard 0, as an unlisted one does in the configuration.</summary>
internal static class WorkloadShards
{
    /// <summary>One workload per shard that received an instrument (so a one-instrument scenario stays one workload),
    /// each with the setup, warmup and measured phases of the commands it received, in their original order.</summary>
    public static GeneratedWorkload[] Split(GeneratedWorkload workload, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var shardBySymbol = new Dictionary<Core.Domain.Symbol, int>();
        var streams = new List<Command>[shards];
        for (int s = 0; s < shards; s++)
        {
            streams[s] = [];
        }
        var commands = workload.Commands;
        Route(commands.AsSpan(0, workload.WarmupStart), streams, shardBySymbol);
        var warmupStarts = Array.ConvertAll(streams, stream => stream.Count);
        Route(commands.AsSpan(workload.WarmupStart, workload.WarmupCount), streams, shardBySymbol);
        var measuredStarts = Array.ConvertAll(streams, stream => stream.Count);
        Route(commands.AsSpan(workload.MeasuredStart), streams, shardBySymbol);

        int used = Math.Clamp(shardBySymbol.Count, 1, shards);
        var parts = new GeneratedWorkload[used];
        for (int s = 0; s < used; s++)
        {
            parts[s] = workload with
            {
                Commands = [.. streams[s]],
                WarmupStart = warmupStarts[s],
                MeasuredStart = measuredStarts[s],
            };
        }
        return parts;
    }

    /// <summary>Appends each command to its shard's stream (every stream for a command without a symbol), dealing an
    /// instrument to the next shard when it is declared.</summary>
    private static void Route(ReadOnlySpan<Command> commands, List<Command>[] streams, Dictionary<Core.Domain.Symbol, int> shardBySymbol)
    {
        foreach (ref readonly var command in commands)
        {
            if (command.Symbol.IsEmpty)
            {
                foreach (var stream in streams)
                {
                    stream.Add(command);
                }
                continue;
            }
            if (command.Type == CommandType.AddInstrument && !shardBySymbol.ContainsKey(command.Symbol))
            {
                shardBySymbol[command.Symbol] = shardBySymbol.Count % streams.Length;
            }
            streams[shardBySymbol.GetValueOrDefault(command.Symbol)].Add(command);
        }
    }
}
