using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Tests.Monitoring.Polling;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Access;

/// <summary>
/// The door cross-check's alarms across a restart of the real app on the same data folder: an unregistered opening
/// raised before the restart is still on the register's board after it, resolving it then clears it among the room's
/// alarms, and the restart raises it no second time; one left by a version that did not keep them is cleared.
/// </summary>
public sealed class DoorAlarmRestartTests
{
    // No polled device: only the test's door events reach the cross-check for it.
    private const string Door = "door-restart";
    private const string MonitoringKey = AccessAlarmKeys.UnregisteredAccess + "@" + Door;

    [Fact]
    public async Task UnregisteredOpening_RaisedBeforeARestart_IsClearedByResolvingItAfter_AndRaisedOnlyOnce()
    {
        using var folder = new TempDirectory();
        await using (var first = Start(folder.Path))
        {
            var doors = first.Services.GetRequiredService<DoorCorrelationService>();
            var at = DateTime.UtcNow.AddMinutes(-10);
            await doors.HandleAsync(new DoorEvent(Door, at, Open: true), default);
            await doors.HandleAsync(new DoorEvent(Door, at.AddSeconds(5), Open: false), default);
            await doors.EvaluateAsync(default);

            var alarms = first.Services.GetRequiredService<AlarmService>();
            Assert.Single(alarms.GetActive(), IsTheDoorsAlarm);
            await alarms.GetHistoryAsync(new AlarmHistoryFilter(Limit: 1), CancellationToken.None); // stored before stopping
        }

        await using var second = Start(folder.Path);
        var restarted = second.Services.GetRequiredService<DoorCorrelationService>();
        var monitoring = second.Services.GetRequiredService<AlarmService>();
        var board = second.Services.GetRequiredService<AccessAlarmBoard>();
        await restarted.EvaluateAsync(default);

        Assert.Single(monitoring.GetActive(), IsTheDoorsAlarm);
        Assert.Single(board.ActiveAt(Site.DefaultId), a => a.Source == Door && a.Key == AccessAlarmKeys.UnregisteredAccess);

        await restarted.ResolveUnregisteredAsync(await SupervisorAsync(second), Door, Site.DefaultId, "Teknisi lupa mencatat, sudah dicatat terlambat", default);

        Assert.DoesNotContain(monitoring.GetActive(), IsTheDoorsAlarm);
        Assert.DoesNotContain(board.Active, a => a.Source == Door);
        await restarted.EvaluateAsync(default);
        Assert.DoesNotContain(monitoring.GetActive(), IsTheDoorsAlarm);
        var history = await monitoring.GetHistoryAsync(new AlarmHistoryFilter(DeviceId: AccessAlarmKeys.RoomSource, Key: MonitoringKey), CancellationToken.None);
        var alarm = Assert.Single(history);
        Assert.NotNull(alarm.ClearedAt);
    }

    [Fact]
    public async Task AccessAlarm_RaisedByAVersionThatDidNotKeepIt_IsClearedAtTheFirstStartAfterTheUpgrade()
    {
        using var folder = new TempDirectory();
        await using (var first = Start(folder.Path))
        {
            var doors = first.Services.GetRequiredService<DoorCorrelationService>();
            var at = DateTime.UtcNow.AddMinutes(-10);
            await doors.HandleAsync(new DoorEvent(Door, at, Open: true), default);
            await doors.HandleAsync(new DoorEvent(Door, at.AddSeconds(5), Open: false), default);
            await doors.EvaluateAsync(default);
            var alarms = first.Services.GetRequiredService<AlarmService>();
            Assert.Single(alarms.GetActive(), IsTheDoorsAlarm);
            await alarms.GetHistoryAsync(new AlarmHistoryFilter(Limit: 1), CancellationToken.None); // stored before stopping

            // What the previous version left: the room's alarm stored in monitoring.db, no row of the cross-check's.
            await using var scope = first.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>().Set<RaisedAccessAlarm>().ExecuteDeleteAsync();
        }

        await using var second = Start(folder.Path);
        var monitoring = second.Services.GetRequiredService<AlarmService>();
        await second.Services.GetRequiredService<DoorCorrelationService>().EvaluateAsync(default);

        Assert.DoesNotContain(monitoring.GetActive(), IsTheDoorsAlarm);
        Assert.DoesNotContain(second.Services.GetRequiredService<AccessAlarmBoard>().Active, a => a.Source == Door);
        var history = await monitoring.GetHistoryAsync(new AlarmHistoryFilter(DeviceId: AccessAlarmKeys.RoomSource, Key: MonitoringKey), CancellationToken.None);
        Assert.NotNull(Assert.Single(history).ClearedAt);
    }

    private static bool IsTheDoorsAlarm(Alarm alarm) => alarm.DeviceId == AccessAlarmKeys.RoomSource && alarm.Key == MonitoringKey;

    private static WebAppFactory Start(string dataDirectory)
    {
        var app = WebAppFactory.On(dataDirectory);
        app.ExtraSettings["Simulator:Enabled"] = "false";
        return app;
    }

    private static async Task<Actor> SupervisorAsync(WebAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DataCenterOpsDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == "supervisor@dcops.local");
        return await services.GetRequiredService<PeopleDirectory>().ActorAsync(user.Id);
    }
}
