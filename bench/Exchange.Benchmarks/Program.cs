using BenchmarkDotNet.Running;
using Exchange.Benchmarks.MarketData;
using Exchange.Benchmarks.Network;

// Micro-benchmarks (BenchmarkDotNet; pick with --filter), the market-data harnesses `fanout` and `udpfeed`, and the
// loopback latency floor `loopback-floor` (see bench/README.md).
return args.FirstOrDefault() switch
{
    "fanout" => FanOutBenchmark.Run(args[1..]),
    "fanout-clients" => FanOutClients.Run(args[1..]),
    "udpfeed" => UdpFeedBenchmark.Run(args[1..]),
    "encoding-sizes" => PrintEncodingSizes(),
    "loopback-floor" => LoopbackFloorBenchmark.Run(args[1..]),
    "loopback-echo" => LoopbackFloorBenchmark.RunEcho(args[1..]),
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
