namespace DataCenterOps.Domain.Access;

/// <summary>Input port: the DC-room door contact of <paramref name="DeviceId"/> changed (from the monitoring live state).</summary>
public sealed record DoorEvent(string DeviceId, DateTime AtUtc, bool Open);
