namespace DataCenterOps.Domain.Facilities;

/// <summary>
/// A monitored device an Administrator commissioned from the web (beside those in appsettings.json). Plain columns,
/// provider-neutral. The secrets are stored only as ASP.NET Core Data Protection payloads
/// (<see cref="DeviceSecretProtector.Purpose"/>): never in clear, never read back to a screen.
/// </summary>
public sealed class CommissionedDevice
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The monitoring device id (as Monitoring:Devices:N:Id and Equipment.MonitoringDeviceId); unique.</summary>
    public string DeviceId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Monitoring's DeviceKind by name (Ups, Genset, Cooling, FireSuppression, Environment).</summary>
    public string Kind { get; set; } = "";

    /// <summary>Snmp or ModbusTcp.</summary>
    public string Protocol { get; set; } = "";
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public string Profile { get; set; } = "";
    public double IntervalSeconds { get; set; } = 10;

    /// <summary>V2c or V3 (SNMP only).</summary>
    public string? SnmpVersion { get; set; }
    public string? ProtectedCommunity { get; set; }
    public string? V3User { get; set; }
    public string? V3AuthProtocol { get; set; }
    public string? ProtectedV3AuthPassword { get; set; }
    public string? V3PrivProtocol { get; set; }
    public string? ProtectedV3PrivPassword { get; set; }
    public string? V3Context { get; set; }
    public int? UnitId { get; set; }

    /// <summary>
    /// Per-point scale overrides set at commissioning (point name → multiplier that replaces the profile's scale, as
    /// Monitoring:Devices:N:ScaleOverrides), as a JSON object such as <c>{"battery.voltage":0.01}</c>; null when none.
    /// Written and read only through <see cref="PointScales"/>.
    /// </summary>
    public string? ScaleOverrides { get; set; }
    public DateTime AddedAtUtc { get; set; }
    public string AddedById { get; set; } = "";
}
