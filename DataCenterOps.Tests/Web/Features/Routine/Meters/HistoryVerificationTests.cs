using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Tests.Web.Shared.Localization;
using DataCenterOps.Web.Features.Routine.Meters;

namespace DataCenterOps.Tests.Web.Features.Routine.Meters;

/// <summary>The shipped history rules against real history rows, in monitoring.db and in PostgreSQL's monitoring schema.</summary>
public abstract class HistoryVerificationTests(StorageProvider provider)
{
    public sealed class Sqlite() : HistoryVerificationTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : HistoryVerificationTests(StorageProvider.PostgreSql);

    private static readonly DateTimeOffset s_start = TestDatabase.SopStart;
    private static readonly TimeSpan s_ten = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task GensetExerciseRun_IsMet_With30MinutesAt41Percent()
    {
        await using var history = await HistoryStores.CreateAsync(provider);
        await history.WriteAsync("genset-1", "generator.load", s_start.AddMinutes(-10), TimeSpan.FromMinutes(9), s_ten, _ => 0, "%");
        await history.WriteAsync("genset-1", "generator.load", s_start, TimeSpan.FromMinutes(30), s_ten, i => i % 2 == 0 ? 40.5 : 41.5, "%");

        var evidence = await VerifyAsync(history, HistoryRules.GensetExerciseRun, min: 30);

        Assert.Equal(HistoryVerdict.Met, evidence.Verdict);
        Assert.Equal(30, evidence.Figures["minutes"]);
        Assert.Equal(41, evidence.Figures["load_percent"]);
        Assert.Equal("terverifikasi dari monitoring: 30 menit pada 41 % — terpenuhi", evidence.Text);
    }

    [Fact]
    public async Task GensetExerciseRun_IsNotMet_With25Minutes()
    {
        await using var history = await HistoryStores.CreateAsync(provider);
        await history.WriteAsync("genset-1", "generator.load", s_start, TimeSpan.FromMinutes(25), s_ten, _ => 41, "%");
        // Light load afterwards does not count: below 30 % of nameplate.
        await history.WriteAsync("genset-1", "generator.load", s_start.AddMinutes(25).AddSeconds(10), TimeSpan.FromMinutes(20), s_ten, _ => 22, "%");

        var evidence = await VerifyAsync(history, HistoryRules.GensetExerciseRun, min: 30);

        Assert.Equal(HistoryVerdict.NotMet, evidence.Verdict);
        Assert.Equal(25, evidence.Figures["minutes"]);
        Assert.Equal("terverifikasi dari monitoring: 25 menit pada 41 % — tidak terpenuhi", evidence.Text);
    }

    [Fact]
    public async Task GensetExerciseRun_WithoutReadings_IsNoData()
    {
        await using var history = await HistoryStores.CreateAsync(provider);
        await history.WriteAsync("genset-2", "generator.load", s_start, TimeSpan.FromMinutes(40), s_ten, _ => 50, "%"); // another device

        var evidence = await VerifyAsync(history, HistoryRules.GensetExerciseRun, min: 30);

        Assert.Equal(HistoryVerdict.NoData, evidence.Verdict);
        Assert.Equal("terverifikasi dari monitoring: tidak ada data untuk periode ini", evidence.Text);
    }

    [Fact]
    public async Task UpsTransferTest_IsMet_OnBatteryAndBack_AndNotMet_WhileStillOnBattery()
    {
        await using var history = await HistoryStores.CreateAsync(provider);
        // upsOutputSource: 3 normal, 5 battery — 90 s on battery.
        await history.WriteAsync("ups-1", "output.source", s_start, TimeSpan.FromMinutes(5), s_ten, i => i is >= 6 and < 15 ? 5 : 3);
        await history.WriteAsync("ups-2", "output.source", s_start, TimeSpan.FromMinutes(5), s_ten, i => i >= 6 ? 5 : 3);

        var back = await VerifyAsync(history, HistoryRules.UpsTransferTest, device: "ups-1");
        var stuck = await VerifyAsync(history, HistoryRules.UpsTransferTest, device: "ups-2");

        Assert.Equal(HistoryVerdict.Met, back.Verdict);
        Assert.Equal(90, back.Figures["seconds_on_battery"]);
        Assert.Equal(HistoryVerdict.NotMet, stuck.Verdict);
        Assert.Equal(0, stuck.Figures["back_on_mains"]);
    }

    [Fact]
    public async Task CracSupplyAir_ShowsMinMaxMean_AndIsNotMet_OutsideTheLimits()
    {
        await using var history = await HistoryStores.CreateAsync(provider);
        await history.WriteAsync("crac-1", "supply.temperature", s_start, TimeSpan.FromMinutes(10), s_ten, i => i % 2 == 0 ? 14 : 16, "°C");
        await history.WriteAsync("crac-2", "supply.temperature", s_start, TimeSpan.FromMinutes(10), s_ten, i => i == 30 ? 26 : 15, "°C");

        var inside = await VerifyAsync(history, HistoryRules.CracSupplyAir, device: "crac-1", min: 13, max: 24);
        var outside = await VerifyAsync(history, HistoryRules.CracSupplyAir, device: "crac-2", min: 13, max: 24);

        Assert.Equal(HistoryVerdict.Met, inside.Verdict);
        Assert.Equal((14, 16), (inside.Figures["min"], inside.Figures["max"]));
        Assert.InRange(inside.Figures["mean"], 14.9, 15.1);
        Assert.Equal(HistoryVerdict.NotMet, outside.Verdict);
        Assert.Equal(26, outside.Figures["max"]);
    }

    private static Task<HistoryEvidence> VerifyAsync(HistoryStores history, string rule, string device = "genset-1", double? min = null, double? max = null) =>
        new MonitoringHistoryVerifier(history.Query, UiResources.Localizer())
            .VerifyAsync(new HistoryCheck(rule, device, s_start.AddHours(-1).UtcDateTime, s_start.AddHours(2).UtcDateTime, min, max), CancellationToken.None);
}
