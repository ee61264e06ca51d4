using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// A cooling unit that is off with no alarm is not "Normal": it is on standby while another unit runs (a duty/standby
/// pair, the usual N+1 room), else plainly off. State and badge then agree and the tile can say why.
/// </summary>
public static class CoolingDuty
{
    /// <summary>The unit's run point in the cooling profiles (1 on, 0 off).</summary>
    public const string UnitOnPoint = "unit.on";

    /// <summary>
    /// The state to show for <paramref name="device"/>, given the classifier's <paramref name="state"/> and the room's
    /// devices; <paramref name="dutyDeviceId"/> is the running unit a standby one waits behind.
    /// </summary>
    public static DeviceVisualState Refine(DeviceSnapshot device, DeviceVisualState state, IReadOnlyList<DeviceSnapshot> devices, out string? dutyDeviceId)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(devices);
        dutyDeviceId = null;
        if (device.Kind != DeviceKind.Cooling || state != DeviceVisualState.Normal || device.LiveValue(UnitOnPoint) != 0)
        {
            return state;
        }

        dutyDeviceId = devices.FirstOrDefault(d => d.Kind == DeviceKind.Cooling && d.DeviceId != device.DeviceId
            && !d.Status.IsCommLost && d.LiveValue(UnitOnPoint) == 1)?.DeviceId;
        return dutyDeviceId is null ? DeviceVisualState.Off : DeviceVisualState.Standby;
    }
}
