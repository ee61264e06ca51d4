using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;

namespace DataCenterOps.Web.Features.Room;

/// <summary>The live room at one moment, shared read-only by every open screen: devices in order and the active alarms.</summary>
public sealed record RoomSnapshot(long Version, IReadOnlyList<DeviceSnapshot> Devices, IReadOnlyList<Alarm> ActiveAlarms);
