using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Tests.Monitoring.Polling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Shared.Sites;

/// <summary>
/// <see cref="TwoSiteApp"/> with something to hide on each site: a comm-lost alarm on the province's <c>ups-1</c> and
/// on the regency's <c>env-2</c> (the simulator silences both), a person inside and a refused entry at each site's room.
/// </summary>
public sealed class SiteWideApp : IAsyncLifetime
{
    public const string ProvinceVisitor = "Tamu Provinsi Samarinda";
    public const string ProvinceRefused = "Ditolak Provinsi Samarinda";
    public const string RegencyVisitor = "Tamu Kabupaten Tenggarong";
    public const string RegencyRefused = "Ditolak Kabupaten Tenggarong";

    public TwoSiteApp Sites { get; } = new();

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
