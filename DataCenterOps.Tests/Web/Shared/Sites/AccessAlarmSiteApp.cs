using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Tests.Monitoring.Polling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Shared.Sites;

/// <summary>
/// <see cref="TwoSiteApp"/> with an unregistered door opening at each site, through the door cross-check's own input
/// port as the bridge feeds it: the regency's door <c>env-2</c> and the province's <c>env-1</c>, each opened ten minutes
/// ago with nobody registered at its room.
/// </summary>
public sealed class AccessAlarmSiteApp : IAsyncLifetime
{
    /// <summary>The regency's access pseudo-device.</summary>
    public const string RegencySource = "access:" + TwoSiteApp.RegencyCode;

    public const string RegencyDoorKey = AccessAlarmKeys.UnregisteredAccess + "@" + TwoSiteApp.RegencyDevice;

    public const string ProvinceDoor = "env-1";

    public const string ProvinceDoorKey = AccessAlarmKeys.UnregisteredAccess + "@" + ProvinceDoor;

    public TwoSiteApp Sites { get; } = new();

    public WebAppFactory Factory => Sites.Factory;

    public async Task InitializeAsync()
    {
        await Sites.InitializeAsync();
        Guid regency, province;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
            var sites = await db.Sites.AsNoTracking().ToListAsync();
            regency = sites.Single(s => s.Code == TwoSiteApp.RegencyCode).Id;
            province = sites.Single(s => s.IsDefault).Id;
        }

        var doors = Factory.Services.GetRequiredService<DoorCorrelationService>();
        var at = DateTime.UtcNow.AddMinutes(-10);
        await doors.HandleAsync(new DoorEvent(TwoSiteApp.RegencyDevice, at, Open: true) { SiteId = regency }, default);
        await doors.HandleAsync(new DoorEvent(TwoSiteApp.RegencyDevice, at.AddSeconds(5), Open: false) { SiteId = regency }, default);
        await doors.HandleAsync(new DoorEvent(ProvinceDoor, at, Open: true) { SiteId = province }, default);
        await doors.HandleAsync(new DoorEvent(ProvinceDoor, at.AddSeconds(5), Open: false) { SiteId = province }, default);
        await doors.EvaluateAsync(default);

        var alarms = Factory.Services.GetRequiredService<AlarmService>();
        await Eventually.TrueAsync(
            () => alarms.GetActive().Any(a => a.DeviceId == RegencySource && a.Key == RegencyDoorKey)
                && alarms.GetActive().Any(a => a.DeviceId == AccessAlarmKeys.RoomSource && a.Key == ProvinceDoorKey),
            "an unregistered-access alarm at each site");
        await alarms.GetHistoryAsync(new AlarmHistoryFilter(Limit: 1), CancellationToken.None); // stored, for the history screen
    }

    public async Task DisposeAsync() => await Sites.DisposeAsync();
}
