using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace DataCenterOps.Fuzz;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/DataCenterOps.Fuzz -- [snmp|snmpv3|trap|modbus|all] [--executions N]
/// [--seed S] [--no-coverage] [--save-corpus] [--corpus DIR]</c>. Exit 0 when no target crashed, 1 when one did, 2 for
/// a usage error. See README.md beside this file.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (!FuzzArguments.TryParse(args, out var arguments, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(FuzzArguments.Usage);
            return 2;
        }

        // Instrument before anything loads the decoders' assembly: the JIT loads it when it compiles Run.
        if (arguments.Coverage)
        {
            InstrumentDecoders();
        }

        return Run(arguments);
    }

    /// <summary>SharpFuzz rewrites the decoders' IL in place (branch → bitmap); a marker keeps it from doing so twice.</summary>
    private static void InstrumentDecoders()
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "DataCenterOps.Monitoring.dll");
        var marker = assembly + ".instrumented";
        if (File.Exists(marker) && File.ReadAllText(marker) == Hash(assembly))
        {
            return;
        }

        string[] namespaces = ["DataCenterOps.Monitoring.Snmp", "DataCenterOps.Monitoring.Traps", "DataCenterOps.Monitoring.Modbus"];
        SharpFuzz.Fuzzer.Instrument(assembly, type => namespaces.Any(n => type.StartsWith(n, StringComparison.Ordinal)), SharpFuzz.Options.Value);
        File.WriteAllText(marker, Hash(assembly));
        Console.WriteLine($"Instrumented {assembly} ({string.Join(", ", namespaces)}).");
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Run(FuzzArguments arguments)
    {
        var corpus = arguments.CorpusDirectory ?? CorpusFolder.Locate();
        var crashed = false;

        // The bitmap first: instrumented code writes to it from the first branch on, constructors included.
        using var coverage = new CoverageMap(arguments.Coverage);
        foreach (var target in FuzzTargets.Select(arguments.Target))
        {
            coverage.Forget();
            var report = new FuzzCampaign(target, coverage).Run(
                CorpusFolder.Load(corpus, target.Name), arguments.Seed, arguments.Executions, arguments.SaveCorpus ? corpus : null, Console.WriteLine);
            Console.WriteLine(report);
            foreach (var (signature, input) in report.Crashes)
            {
                crashed = true;
                Console.WriteLine($"  crash: {signature}");
                Console.WriteLine($"    input: {Convert.ToHexString(input)}");
            }
        }

        return crashed ? 1 : 0;
    }
}
