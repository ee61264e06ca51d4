using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Tests.Monitoring.Polling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Shared.Sites;

/// <summary>
/// <see cref="TwoSiteApp"/> with something to hide on each site: a comm-lost alarm on the province's <c>ups-1</c> and
/// on the regency's <c>env-2</c> (the simulator silences both), an incident grouping each of them, a person inside and
/// a refused entry at each site's room.
/// </summary>
public sealed class SiteWideApp : IAsyncLifetime
{
    public const string ProvinceVisitor = "Tamu Provinsi Samarinda";
    public const string ProvinceRefused = "Ditolak Provinsi Samarinda";
    public const string RegencyVisitor = "Tamu Kabupaten Tenggarong";
    public const string RegencyRefused = "Ditolak Kabupaten Tenggarong";

    public TwoSiteApp Sites { get; } = new();

    /// <summary>The incident of the province's <c>ups-1</c> alarm.</summary>
    public Guid ProvinceIncident { get; } = Guid.NewGuid();

    /// <summary>The incident of the regency's <c>env-2</c> alarm.</summary>
    public Guid RegencyIncident { get; } = Guid.NewGuid();

    public WebAppFactory Factory => Sites.Factory;

    public async Task InitializeAsync()
    {
        await Sites.InitializeAsync();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
            var regency = (await db.Sites.SingleAsync(s => s.Code == TwoSiteApp.RegencyCode)).Id;
            var at = DateTime.UtcNow.AddMinutes(-30);
            db.Set<AccessEntry>().AddRange(Visitor(ProvinceVisitor, "3172000000000001", Site.DefaultId, at), Visitor(RegencyVisitor, "6402000000000002", regency, at));
            db.Set<AccessRefusal>().AddRange(Refusal(ProvinceRefused, Site.DefaultId, at), Refusal(RegencyRefused, regency, at));
            await db.SaveChangesAsync();
        }

        var simulator = Factory.Services.GetRequiredService<ISimulatorControl>();
        simulator.Start(SimulatorScenarios.DeviceSilent, "ups-1");
        simulator.Start(SimulatorScenarios.DeviceSilent, TwoSiteApp.RegencyDevice);
        var alarms = Factory.Services.GetRequiredService<AlarmService>();
        await Eventually.TrueAsync(() => alarms.GetActive().Any(a => a.DeviceId == "ups-1") && alarms.GetActive().Any(a => a.DeviceId == TwoSiteApp.RegencyDevice), "an alarm at each site");

        // Comm-lost alarms open no incident by the shipped rules: store one for each site's alarm as the engine would.
        var incidents = Factory.Services.GetRequiredService<IIncidentStore>();
        var province = alarms.GetActive().First(a => a.DeviceId == "ups-1");
        var regencyAlarm = alarms.GetActive().First(a => a.DeviceId == TwoSiteApp.RegencyDevice);
        await alarms.GetHistoryAsync(new AlarmHistoryFilter(Limit: 1), CancellationToken.None);
        await incidents.SaveAsync(new Incident(ProvinceIncident, "power.mains_failure", "power", province.RaisedAt, null, AlarmSeverity.Critical, [province]), CancellationToken.None);
        await incidents.SaveAsync(new Incident(RegencyIncident, "cooling.failure", "cooling", regencyAlarm.RaisedAt, null, AlarmSeverity.Critical, [regencyAlarm]), CancellationToken.None);
    }

    public async Task DisposeAsync() => await Sites.DisposeAsync();

    private static AccessEntry Visitor(string name, string idNumber, Guid siteId, DateTime at) => new()
    {
        Kind = AccessPersonKind.Visitor, SiteId = siteId, PersonName = name, Organisation = name, IdType = "KTP", IdNumber = idNumber,
        Visiting = "Admin", Purpose = "Kunjungan", Basis = AccessBasis.Escort, InAtUtc = at, InRecordedById = "seed",
    };

    private static AccessRefusal Refusal(string name, Guid siteId, DateTime at) => new()
    {
        AtUtc = at, SiteId = siteId, Kind = AccessPersonKind.Visitor, PersonName = name, Purpose = "Kunjungan",
        Reason = AccessError.EscortNotInside, Message = "The escort is not registered inside the DC room.", RecordedById = "seed",
    };
}
