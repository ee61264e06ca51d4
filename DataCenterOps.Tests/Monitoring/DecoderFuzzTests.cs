using System.Globalization;
using DataCenterOps.Fuzz;
using Xunit.Abstractions;

namespace DataCenterOps.Tests.Monitoring;

/// <summary>
/// CI's short, seeded run of the fuzzer in benchmarks/DataCenterOps.Fuzz over each decoder, from the repository's
/// corpus (golden packets of net-snmp and pymodbus, and what coverage-guided runs added): the decoders refuse bad input
/// only in their typed way and what they accept round-trips. Not instrumented here; the long coverage-guided run is
/// <c>dotnet run -c Release --project benchmarks/DataCenterOps.Fuzz -- all</c> (10 million inputs per decoder).
/// DCOPS_FUZZ_EXECUTIONS and DCOPS_FUZZ_SEED change the run.
/// </summary>
public sealed class DecoderFuzzTests(ITestOutputHelper output)
{
    private static readonly long Executions =
        long.TryParse(Environment.GetEnvironmentVariable("DCOPS_FUZZ_EXECUTIONS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 60_000;

    private static readonly int Seed =
        int.TryParse(Environment.GetEnvironmentVariable("DCOPS_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261201;

    [Theory]
    [InlineData("snmp")]
    [InlineData("snmpv3")]
    [InlineData("trap")]
    [InlineData("modbus")]
    public void Decoder_RefusesMutatedInputOnlyItsTypedWay_AndRoundTripsWhatItAccepts(string name)
    {
        var seeds = CorpusFolder.Load(CorpusFolder.Locate(), name);
        using var coverage = new CoverageMap(instrumented: false);

        var report = new FuzzCampaign(FuzzTargets.Create(name), coverage).Run(seeds, Seed, Executions, saveTo: null);

        output.WriteLine(report.ToString());
        Assert.True(seeds.Count >= 8, $"the corpus of {name} has {seeds.Count} inputs");
        Assert.True(report.Accepted > 0 && report.Accepted < report.Executions, "the run should reach both accepted and refused inputs");
        Assert.True(report.Crashes.Count == 0,
            string.Join(Environment.NewLine, report.Crashes.Select(c => $"{c.Key} on {Convert.ToHexString(c.Value)}")));
    }

    [Fact]
    public void EverySeedOfTheCorpus_IsAcceptedOrRefused_NeverACrash()
    {
        var root = CorpusFolder.Locate();
        foreach (var name in FuzzTargets.Names)
        {
            var target = FuzzTargets.Create(name);
            foreach (var input in CorpusFolder.Load(root, name))
            {
                var exception = Record.Exception(() => target.Run(input));
                Assert.True(exception is null, $"{name} {Convert.ToHexString(input)}: {exception}");
            }
        }
    }

    [Fact]
    public void Campaign_ReportsABugOnce_HoweverManyInputsReachIt()
    {
        using var coverage = new CoverageMap(instrumented: false);

        var report = new FuzzCampaign(new ThrowsOnShortLength(), coverage).Run([[0x30, 0x03, 0x02, 0x01, 0x05]], Seed, 20_000, saveTo: null);

        var crash = Assert.Single(report.Crashes);
        Assert.StartsWith("IndexOutOfRangeException at DataCenterOps.Tests.Monitoring.DecoderFuzzTests+ThrowsOnShortLength.Run", crash.Key, StringComparison.Ordinal);
        Assert.True(crash.Value.Length < 3);
    }

    [Fact]
    public void CrashSignature_NamesTheExceptionAndOurFrame_NotTheInput()
    {
        static void Throw(int value) => throw new InvalidOperationException($"value {value}");

        var first = Record.Exception(() => Throw(1))!;
        var second = Record.Exception(() => Throw(2))!;

        Assert.Equal(FuzzCampaign.Signature(first), FuzzCampaign.Signature(second));
        Assert.StartsWith("InvalidOperationException at DataCenterOps.Tests.", FuzzCampaign.Signature(first), StringComparison.Ordinal);
    }

    /// <summary>A planted bug: reads the third byte without checking the length.</summary>
    private sealed class ThrowsOnShortLength : IFuzzTarget
    {
        public string Name => "planted";

        public int MaxInputLength => 64;

        public bool Run(byte[] input) => input.Length > 0 && input[0] == 0x30 && input[2] == 0x02;
    }
}
