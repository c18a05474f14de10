using System.Collections.Concurrent;
using Exchange.Core.Commands;
using Exchange.Core.Events;

namespace Exchange.Server.Pipeline;

/// <summary>The in-process client API (tests, tools, the REST gateway): submit a command, await the events it
/// caused, delivered only after the command is durable. Allocates per request; high-rate gateways use their
/// own sessions instead.</summary>
public sealed class InProcessClient : IEventListener
{
    private readonly ConcurrentDictionary<long, Pending> _pending = new();
    private long _nextCorrelation;

    public InProcessClient(long sessionId) => SessionId = sessionId;

    public long SessionId { get; }

    /// <summary>Set once the pipeline exists (the client is one of its listeners).</summary>
    public ExchangePipeline? Pipeline { get; set; }

    /// <summary>Submits and completes with the command's events; throws <see cref="ExchangeBusyException"/>
    /// if the exchange refused it for back-pressure.</summary>
    public Task<CommandResult> SubmitAsync(Command command)
    {
        var pipeline = Pipeline ?? throw new InvalidOperationException("The client is not attached to a pipeline.");
        long correlation = Interlocked.Increment(ref _nextCorrelation);
        var pending = new Pending();
        _pending[correlation] = pending;
        if (!pipeline.TrySubmit(in command, SessionId, correlation, out _))
        {
            _pending.TryRemove(correlation, out _);
            return Task.FromException<CommandResult>(new ExchangeBusyException());
        }
        return pending.Completion.Task;
    }

    public void OnEvent(in OutboundSlot slot)
    {
        if (slot.SessionId != SessionId || !_pending.TryGetValue(slot.CorrelationId, out var pending))
        {
            return;
        }
        if (slot.Event.Type != 0)
        {
            pending.Events.Add(slot.Event);
        }
        if (slot.LastOfCommand)
        {
            _pending.TryRemove(slot.CorrelationId, out _);
            pending.Completion.SetResult(new CommandResult(slot.CommandSequence, pending.Events));
        }
    }

    private sealed class Pending
    {
        public List<EngineEvent> Events { get; } = [];

        public TaskCompletionSource<CommandResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
