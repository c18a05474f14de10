using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Journal.Storage;
using Exchange.Server.Configuration;
using Exchange.Server.Pipeline;

namespace Exchange.Server;

/// <summary>The running exchange: one <see cref="ShardNode"/> per configured shard (data in
/// <c>{data}/shard-{id}/</c>), a router from symbol to shard, and the in-process client API. On start it
/// declares configured instruments that do not exist yet. The composition root of `exchange serve` and tests.</summary>
public sealed class ExchangeNode : IDisposable
{
    private readonly List<ShardNode> _shards;

    private ExchangeNode(ExchangeConfig config, ShardRouter router, List<ShardNode> shards)
    {
        Config = config;
        Router = router;
        _shards = shards;
    }

    public ExchangeConfig Config { get; }

    public ShardRouter Router { get; }

    public IReadOnlyList<ShardNode> Shards => _shards;

    /// <summary>Shard 0's pipeline (the only one with the default configuration).</summary>
    public ExchangePipeline Pipeline => _shards[0].Pipeline;

    /// <summary>Shard 0's recovery report.</summary>
    public RecoveryReport Recovery => _shards[0].Recovery;

    /// <summary>The in-process client API: routes each command to its instrument's shard.</summary>
    public ExchangeClient Client { get; private set; } = null!;

    /// <summary>The data directory of one shard.</summary>
    public static string ShardDirectory(string dataDirectory, int shard) => Path.Combine(dataDirectory, $"shard-{shard}");

    /// <summary>Recovers and starts every shard. <paramref name="storage"/> replaces shard 0's journal files (tests).</summary>
    public static ExchangeNode Start(ExchangeConfig config, IReadOnlyList<IEventListener>? listeners = null, IClock? clock = null,
        IJournalStorage? storage = null)
    {
        var router = new ShardRouter(config.Shards);
        var shards = new List<ShardNode>();
        try
        {
            for (int id = 0; id < router.ShardCount; id++)
            {
                shards.Add(ShardNode.Start(id, ShardDirectory(config.DataDirectory, id), config, listeners ?? [], clock, id == 0 ? storage : null));
            }
        }
        catch
        {
            shards.ForEach(s => s.Crash());
            throw;
        }
        var node = new ExchangeNode(config, router, shards);
        node.Client = new ExchangeClient(router, shards.Select(s => s.Client).ToList());
        node.DeclareInstruments();
        node.EnableRisk();
        return node;
    }

    private void DeclareInstruments()
    {
        foreach (var instrument in Config.Instruments)
        {
            var symbol = Symbol.Parse(instrument.Symbol);
            var shard = _shards[Router.ShardOf(symbol)];
            // Before any client traffic the engine thread is idle; the instrument table is read once here.
            if (shard.Pipeline.Engine.TryGetInstrument(symbol, out _))
            {
                continue;
            }
            SubmitAtStart(shard, ToCommand(instrument));
        }
    }

    /// <summary>With risk configured, turns it on in every shard where it is off (journaled, like the instruments) and
    /// funds the configured accounts there: cash in every shard (each shard keeps its own ledger), positions in the
    /// shard of each instrument. A shard whose journal already has live orders from before risk keeps it off (the
    /// engine refuses it). docs/risk.md.</summary>
    private void EnableRisk()
    {
        if (!Config.RiskEnabled)
        {
            return;
        }
        for (int id = 0; id < _shards.Count; id++)
        {
            var shard = _shards[id];
            if (shard.Pipeline.Engine.RiskEnabled)
            {
                continue;
            }
            SubmitAtStart(shard, new Command { Type = CommandType.EnableRisk });
            if (!shard.Pipeline.Engine.RiskEnabled)
            {
                continue;
            }
            foreach (var account in Config.Accounts)
            {
                if (account.Cash is { } cash)
                {
                    SubmitAtStart(shard, new Command { Type = CommandType.Deposit, Account = account.Id, Quantity = Price.Parse(cash) });
                }
                foreach (var instrument in Config.Instruments)
                {
                    var symbol = Symbol.Parse(instrument.Symbol);
                    if (account.Position > 0 && Router.ShardOf(symbol) == id)
                    {
                        SubmitAtStart(shard, new Command { Type = CommandType.Deposit, Account = account.Id, Symbol = symbol, Quantity = account.Position });
                    }
                }
            }
        }
    }

    /// <summary>Submits a start-up command and waits for it (the engine thread is idle before client traffic).</summary>
    private void SubmitAtStart(ShardNode shard, Command command)
    {
        var done = shard.Client.SubmitAsync(command);
        while (!done.Wait(TimeSpan.FromMilliseconds(50)))
        {
            if (shard.Pipeline.Fault is { } fault)
            {
                Crash();
                throw new IOException($"The exchange failed while starting ({command.Type}).", fault);
            }
        }
    }

    /// <summary>Enters a command from a session, routed like <see cref="ExchangeClient"/> does. Returns how many
    /// shards took it (a command without a symbol goes to all), 0 if the exchange is busy; waits for room only
    /// in the fan-out case.</summary>
    public int TrySubmit(in Command command, long sessionId, long correlationId)
    {
        if (!command.Symbol.IsEmpty || _shards.Count == 1)
        {
            return _shards[Router.ShardOf(command.Symbol)].Pipeline.TrySubmit(in command, sessionId, correlationId, out _) ? 1 : 0;
        }
        foreach (var shard in _shards)
        {
            var spin = new SpinWait();
            while (!shard.Pipeline.TrySubmit(in command, sessionId, correlationId, out _) && shard.Pipeline.Fault is null)
            {
                spin.SpinOnce();
            }
        }
        return _shards.Count;
    }

    /// <summary>The first shard failure, if any.</summary>
    public Exception? Fault => _shards.Select(s => s.Pipeline.Fault).FirstOrDefault(f => f is not null);

    /// <summary>Drains every shard, writes final snapshots, closes the journals. Idempotent.</summary>
    public void Stop() => _shards.ForEach(s => s.Stop());

    /// <summary>Stops every shard's threads at once, as a crash would (tests).</summary>
    public void Crash() => _shards.ForEach(s => s.Crash());

    public void Dispose() => Stop();

    private static Command ToCommand(InstrumentConfig i)
    {
        long lot = i.LotSize;
        return new Command
        {
            Type = CommandType.AddInstrument,
            Symbol = Symbol.Parse(i.Symbol),
            TickSize = Price.Parse(i.TickSize),
            LotSize = lot,
            MinQuantity = i.MinQuantity > 0 ? i.MinQuantity : lot,
            MaxQuantity = i.MaxQuantity > 0 ? i.MaxQuantity : 1_000_000_000 / lot * lot,
            Price = i.ReferencePrice is null ? 0 : Price.Parse(i.ReferencePrice),
            CollarBasisPoints = i.CollarBasisPoints,
        };
    }
}
