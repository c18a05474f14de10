using System.CommandLine;
using Exchange.Server.Bench;
using Exchange.Server.Bench.Durable;
using Exchange.Server.LoadTest;
using Exchange.Server.Replay;
using Exchange.Server.Script;
using Exchange.Server.Serve;

// The `exchange` command: one executable, one sub-command per way of running the exchange.
var root = new RootCommand("An exchange: matching engine and the platform around it.")
{
    ServeCommand.Create(),
    ReplayCommand.Create(),
    ScriptCommand.Create(),
    BenchCommand.Create(),
    DurableBenchCommand.Create(),
    LoadTestCommand.Create(),
};
return root.Parse(args).Invoke();
