using BenchmarkDotNet.Running;

// Micro-benchmarks of engine book operations; pick with --filter (see bench/README.md).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
