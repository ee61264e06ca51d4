using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;

namespace DataCenterOps.Web.Features.Room;

/// <summary>Mains and transfer state for the power tile, read from the gensets' and UPSes' live points.</summary>
public sealed record PowerSummary(bool? MainsOk, PowerSource Source)
{
    // RFC 1628 upsOutputSource: 5 battery, 4 bypass; GenComm engine state 3 running.
    private const double OutputOnBattery = 5;
    private const double OutputOnBypass = 4;
    private const double EngineRunning = 3;

    public static PowerSummary From(IReadOnlyList<DeviceSnapshot> devices, IReadOnlyList<Alarm> activeAlarms)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(activeAlarms);
        var gensets = devices.Where(d => d.Kind == DeviceKind.Genset).ToList();
        var upses = devices.Where(d => d.Kind == DeviceKind.Ups).ToList();
        bool? mainsOk = null;
        if (activeAlarms.Any(a => a.Key == AlarmKeys.MainsFailed))
        {
            mainsOk = false;
        }
        else if (gensets.Any(g => g.LiveValue("mains.voltage.l1") is not null || g.LiveValue("alarm.mains_failed") is not null))
        {
            mainsOk = true;
        }

        var gensetRunning = gensets.Any(g => g.LiveValue("engine.state") == EngineRunning);
        var onBattery = upses.Any(u => u.LiveValue("output.source") == OutputOnBattery);
        var onBypass = upses.Any(u => u.LiveValue("output.source") == OutputOnBypass);
        var anyLive = upses.Any(u => u.LiveValue("output.source") is not null) || gensets.Any(g => g.LiveValue("engine.state") is not null);
        var source = (onBattery, gensetRunning && mainsOk == false, onBypass, anyLive) switch
        {
            (true, _, _, _) => PowerSource.Battery,
            (_, true, _, _) => PowerSource.Genset,
            (_, _, true, _) => PowerSource.Bypass,
            (_, _, _, true) => PowerSource.Mains,
            _ => PowerSource.Unknown,
        };
        return new PowerSummary(mainsOk, source);
    }
}
