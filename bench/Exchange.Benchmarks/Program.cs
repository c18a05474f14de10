using BenchmarkDotNet.Running;
using Exchange.Benchmarks.MarketData;

// Micro-benchmarks (BenchmarkDotNet; pick with --filter) and the market-data harnesses `fanout` and `udpfeed`
// (see bench/README.md).
return args.FirstOrDefault() switch
{
    "fanout" => FanOutBenchmark.Run(args[1..]),
    "fanout-clients" => FanOutClients.Run(args[1..]),
    "udpfeed" => UdpFeedBenchmark.Run(args[1..]),
    "encoding-sizes" => PrintEncodingSizes(),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}

static int PrintEncodingSizes()
{
    foreach (var (name, json, protobuf) in Exchange.Benchmarks.MarketDataEncodingBenchmarks.Sizes())
    {
        Console.WriteLine($"{name}: json {json} bytes, protobuf {protobuf} bytes");
    }
    return 0;
}
