using BenchmarkDotNet.Running;

// `dotnet run -c Release --project benchmarks/DataCenterOps.Benchmarks -- --filter '*'` runs the micro-benchmarks.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
