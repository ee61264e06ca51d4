using BenchmarkDotNet.Running;
using DataCenterOps.Benchmarks.EndToEnd;

// Micro-benchmarks: dotnet run -c Release --project benchmarks/DataCenterOps.Benchmarks -- --filter '*'
// End-to-end figures beside their peers: dotnet run -c Release --project benchmarks/DataCenterOps.Benchmarks -- e2e [name...]
// Soak with faults (kill -9, locked database, full disk, trap flood, SOP steps): ... -- soak [--minutes M] [--seed S] [--faults kill,lock,disk,traps] [--out FILE]
if (args.Length > 0 && args[0] == "soak")
{
    return await DataCenterOps.Benchmarks.Soak.SoakRunner.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "e2e")
{
    return await EndToEndRunner.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(EndToEndRunner).Assembly).Run(args);
return 0;
