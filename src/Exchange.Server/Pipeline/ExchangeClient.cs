using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Server.Pipeline;

/// <summary>The in-process client of a (possibly sharded) exchange: a command with a symbol goes to that
/// symbol's shard; one without (cancel or replace by client id only, mass cancel by account, end of day, time)
/// goes to every shard and the answers are combined. Client order ids are unique per account within a shard.</summary>
public sealed class ExchangeClient(ShardRouter router, IReadOnlyList<InProcessClient> shards)
{
    public Task<CommandResult> SubmitAsync(Command command)
    {
        if (!command.Symbol.IsEmpty || shards.Count == 1)
        {
            return shards[router.ShardOf(command.Symbol)].SubmitAsync(command);
        }
        return FanOut(command);
    }

    private async Task<CommandResult> FanOut(Command command)
    {
        var results = await Task.WhenAll(shards.Select(s => s.SubmitAsync(command)));
        if (command.Type is CommandType.Cancel or CommandType.Replace)
        {
            // The order lives on one shard at most; the others answer "unknown order".
            return results.FirstOrDefault(r => !IsUnknownOrder(r)) ?? results[0];
        }
        var events = results.SelectMany(r => r.Events).ToList();
        if (command.Type == CommandType.MassCancel)
        {
            // One summary for the whole exchange instead of one per shard.
            var summaries = events.Where(e => e.Type == EventType.MassCancelled).ToList();
            events.RemoveAll(e => e.Type == EventType.MassCancelled);
            if (summaries.Count > 0)
            {
                var total = summaries[^1];
                total.Quantity = summaries.Sum(e => e.Quantity);
                events.Add(total);
            }
        }
        return new CommandResult(results[0].CommandSequence, events);
    }

    private static bool IsUnknownOrder(CommandResult result) =>
        result.Events.Count == 1 && result.Events[0].Type == EventType.Rejected && result.Events[0].RejectReason == RejectReason.UnknownOrder;
}
