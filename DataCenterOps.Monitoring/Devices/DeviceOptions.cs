using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;
namespace DataCenterOps.Monitoring.Devices;

/// <summary>
/// One device under <c>Monitoring:Devices</c>. <see cref="Id"/> is also the registry's
/// Equipment.MonitoringDeviceId, which is how a device links to its equipment.
/// </summary>
public sealed class DeviceOptions
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The code of the site the device stands at (<c>Sites:N:Code</c>); empty = the default site.</summary>
    public string Site { get; set; } = "";

    public DeviceKind Kind { get; set; }

    public DeviceProtocol Protocol { get; set; }

    public string Host { get; set; } = "";

    public int Port { get; set; }

    /// <summary>Profile name in the profile catalog, e.g. <c>ups-rfc1628</c>.</summary>
    public string Profile { get; set; } = "";

    public double IntervalSeconds { get; set; } = 10;

    /// <summary>SNMP v2c community (SNMP devices with <see cref="SnmpVersion"/> V2c).</summary>
    public string? Community { get; set; }

    /// <summary>SNMP devices: <c>V2c</c> (the default, with <see cref="Community"/>) or <c>V3</c> (USM, the V3… keys).</summary>
    public SnmpVersion SnmpVersion { get; set; } = SnmpVersion.V2c;

    /// <summary>SNMPv3 USM user name. The security level follows from the passwords given.</summary>
    public string? V3User { get; set; }

    /// <summary><c>MD5</c>, <c>SHA</c>, <c>SHA-224</c>, <c>SHA-256</c>, <c>SHA-384</c> or <c>SHA-512</c>.</summary>
    public string? V3AuthProtocol { get; set; }

    /// <summary>Secret: keep it out of appsettings.json (environment variable <c>Monitoring__Devices__N__V3AuthPassword</c>).</summary>
    public string? V3AuthPassword { get; set; }

    /// <summary><c>DES</c>, <c>AES</c>, <c>AES-192</c> or <c>AES-256</c>.</summary>
    public string? V3PrivProtocol { get; set; }

    /// <summary>Secret: keep it out of appsettings.json (environment variable <c>Monitoring__Devices__N__V3PrivPassword</c>).</summary>
    public string? V3PrivPassword { get; set; }

    /// <summary>SNMPv3 contextName (empty by default; our simulator serves each device under its community as context).</summary>
    public string? V3Context { get; set; }

    /// <summary>Modbus unit id (Modbus TCP devices only).</summary>
    public int? UnitId { get; set; }

    /// <summary>SNMP: GETBULK for walks; some UPS cards mishandle it, so it can be turned off per device.</summary>
    public bool UseGetBulk { get; set; } = true;

    /// <summary>Per-request timeout; defaults to a third of the interval, at most 2 s.</summary>
    public double? TimeoutSeconds { get; set; }

    public int Retries { get; set; }

    /// <summary>Replaces the profile's scale for a point (vendors get ×10 wrong), e.g. <c>"battery.voltage": 1.0</c>.</summary>
    public Dictionary<string, double> ScaleOverrides { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per-point limits layered over the defaults, e.g. <c>"temperature": { "HighWarning": 27 }</c>.</summary>
    public Dictionary<string, ThresholdOptions> Thresholds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// <c>PollerGroup</c>: only nodes of this group (<c>Monitoring:PollerGroup</c>) lease the device, e.g. the nodes that
    /// can reach a regency's server room; unset, any poller node may.
    /// </summary>
    public string? PollerGroup { get; set; }

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    public TimeSpan RequestTimeout => TimeoutSeconds is { } t
        ? TimeSpan.FromSeconds(t)
        : TimeSpan.FromSeconds(Math.Clamp(IntervalSeconds / 3, 0.05, 2));
}
