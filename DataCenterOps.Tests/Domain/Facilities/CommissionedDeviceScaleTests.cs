using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Domain.Facilities;

/// <summary>
/// A commissioned device's per-point scale overrides: stored in the CommissionedDevices row (one JSON text, the same on
/// both providers), handed back to monitoring and to the page's list exactly as given, audited, and refused (nothing
/// stored) when a multiplier is zero or not finite.
/// </summary>
/// <remarks>Runs on both providers: <c>CommissionedDeviceScaleTests+Sqlite</c> and <c>CommissionedDeviceScaleTests+PostgreSql</c>.</remarks>
public abstract class CommissionedDeviceScaleTests(StorageProvider provider) : IAsyncLifetime
{
    public sealed class Sqlite() : CommissionedDeviceScaleTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : CommissionedDeviceScaleTests(StorageProvider.PostgreSql);

    private static readonly Actor Admin = new("test-admin", [Roles.Administrator]);
    private readonly IDataProtectionProvider _protection = new EphemeralDataProtectionProvider();
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateSopAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ScaleOverrides_AreStoredWithTheDevice_AndComeBackToMonitoringAndTheListAsGiven()
    {
        var scales = new Dictionary<string, double> { ["input.frequency"] = 1, ["battery.voltage"] = 0.01 };

        await using (var db = _db.NewContext())
        {
            await Service(db).AddAsync(Admin, Input("ups-scaled", scales));
        }

        await using (var db = _db.NewContext())
        {
            var stored = await db.CommissionedDevices.AsNoTracking().SingleAsync(d => d.DeviceId == "ups-scaled");
            Assert.Equal("""{"battery.voltage":0.01,"input.frequency":1}""", stored.ScaleOverrides);
            var loaded = Assert.Single(await Service(db).LoadForMonitoringAsync());
            Assert.Equal(scales.OrderBy(s => s.Key), loaded.ScaleOverrides!.OrderBy(s => s.Key));
            var listed = Assert.Single(await new CommissionedDeviceQueries(db).ListAsync());
            Assert.Equal(scales.OrderBy(s => s.Key), listed.ScaleOverrides.OrderBy(s => s.Key));
            var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "DeviceCommissioned");
            Assert.Contains("battery.voltage", audit.AfterJson, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ADeviceWithoutOverrides_StoresNone_AndComesBackWithAnEmptySet()
    {
        await using (var db = _db.NewContext())
        {
            await Service(db).AddAsync(Admin, Input("ups-plain", null));
        }

        await using (var db = _db.NewContext())
        {
            Assert.Null((await db.CommissionedDevices.AsNoTracking().SingleAsync()).ScaleOverrides);
            Assert.Empty(Assert.Single(await Service(db).LoadForMonitoringAsync()).ScaleOverrides!);
            Assert.Empty(Assert.Single(await new CommissionedDeviceQueries(db).ListAsync()).ScaleOverrides);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task AZeroOrNonFiniteMultiplier_IsRefusedWithItsOwnKey_AndNothingIsStored(double scale)
    {
        await using var db = _db.NewContext();

        var refusal = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            Service(db).AddAsync(Admin, Input("ups-bad", new Dictionary<string, double> { ["battery.voltage"] = scale })));

        Assert.Equal("ScaleInvalid", refusal.MessageKey);
        Assert.Equal("battery.voltage", Assert.Single(refusal.Arguments));
        Assert.False(await db.CommissionedDevices.AnyAsync());
    }

    private CommissionedDeviceService Service(DataCenterOpsDbContext db) =>
        new(db, new AuditLog(db, _db.Time), new DeviceSecretProtector(_protection), new CommissionedDeviceChanges(), _db.Time);

    private static CommissionedDeviceInput Input(string id, IReadOnlyDictionary<string, double>? scales) =>
        new(id, id, "Ups", "Snmp", "127.0.0.1", 16161, "ups-rfc1628", 10, "V2c", "ups-1", null, null, null, null, null, null, null, scales);
}
