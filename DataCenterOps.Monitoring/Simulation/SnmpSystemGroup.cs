using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Agent;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>
/// MIB-II's system group (RFC 3418, <c>1.3.6.1.2.1.1</c>) for every simulated SNMP device, so that discovery tools
/// (Network UPS Tools' <c>mibs=auto</c>, LibreNMS, Zabbix templates) can tell what they are talking to.
/// </summary>
internal static class SnmpSystemGroup
{
    public static readonly ObjectIdentifier SysDescr = ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0");
    public static readonly ObjectIdentifier SysObjectId = ObjectIdentifier.Parse("1.3.6.1.2.1.1.2.0");
    public static readonly ObjectIdentifier SysUpTime = ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0");
    public static readonly ObjectIdentifier SysContact = ObjectIdentifier.Parse("1.3.6.1.2.1.1.4.0");
    public static readonly ObjectIdentifier SysName = ObjectIdentifier.Parse("1.3.6.1.2.1.1.5.0");
    public static readonly ObjectIdentifier SysLocation = ObjectIdentifier.Parse("1.3.6.1.2.1.1.6.0");
    public static readonly ObjectIdentifier SysServices = ObjectIdentifier.Parse("1.3.6.1.2.1.1.7.0");

    public const string Contact = "Data center operations, Dinas Kominfo Provinsi Kalimantan Timur";
    public const string Location = "DataCenterOps simulated room";

    // RFC 3418 sysServices: end-to-end (layer 4, 8) + applications (layer 7, 64), as network cards report.
    private const int Services = 72;

    private const string UpsMibPrefix = "1.3.6.1.2.1.33.";
    private const string EnterprisesPrefix = "1.3.6.1.4.1.";

    /// <summary>Writes the static objects; <see cref="SetUpTime"/> keeps sysUpTime moving.</summary>
    public static void Write(SnmpMibTable table, SimulatedDevice device)
    {
        table.Set(SysDescr, SnmpValue.OctetString($"DataCenterOps simulated {Describe(device.Profile.Kind)} {device.Id} (profile {device.Profile.Name})"));
        table.Set(SysObjectId, SnmpValue.Oid(ObjectIdOf(device.Profile)));
        table.Set(SysUpTime, SnmpValue.TimeTicks(0));
        table.Set(SysContact, SnmpValue.OctetString(Contact));
        table.Set(SysName, SnmpValue.OctetString(device.Id));
        table.Set(SysLocation, SnmpValue.OctetString(Location));
        table.Set(SysServices, SnmpValue.Integer(Services));
    }

    /// <summary>sysUpTime: hundredths of a second since the room (the "agent") started or was reset.</summary>
    public static void SetUpTime(SnmpMibTable table, double elapsedSeconds) =>
        table.Set(SysUpTime, SnmpValue.TimeTicks(UpTimeTicks(elapsedSeconds)));

    public static uint UpTimeTicks(double elapsedSeconds) => unchecked((uint)(ulong)Math.Max(0, elapsedSeconds * 100));

    /// <summary>
    /// What the device says it is: <c>upsMIB</c> (1.3.6.1.2.1.33) for a UPS-MIB profile, as Network UPS Tools' ietf
    /// mapping expects; the vendor's enterprise subtree for a private-MIB profile; zeroDotZero when unknown.
    /// </summary>
    public static ObjectIdentifier ObjectIdOf(DeviceProfile profile)
    {
        var oids = profile.Points.Select(p => p.Oid).OfType<string>().ToList();
        if (oids.Count > 0 && oids.TrueForAll(o => o.StartsWith(UpsMibPrefix, StringComparison.Ordinal)))
        {
            return ObjectIdentifier.Parse("1.3.6.1.2.1.33");
        }

        var enterprise = oids
            .Where(o => o.StartsWith(EnterprisesPrefix, StringComparison.Ordinal))
            .Select(o => o[EnterprisesPrefix.Length..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return enterprise.Count == 1 ? ObjectIdentifier.Parse(EnterprisesPrefix + enterprise[0]) : ObjectIdentifier.Parse("0.0");
    }

    /// <summary>Whether the device's profile reads the standard UPS-MIB (then the simulator serves all of it).</summary>
    public static bool UsesUpsMib(DeviceProfile profile) =>
        profile.Kind == DeviceKind.Ups && profile.Points.Any(p => p.Oid?.StartsWith(UpsMibPrefix, StringComparison.Ordinal) == true);

    private static string Describe(DeviceKind kind) => kind switch
    {
        DeviceKind.Ups => "UPS",
        DeviceKind.Genset => "genset",
        DeviceKind.Cooling => "cooling unit",
        DeviceKind.FireSuppression => "fire suppression panel",
        DeviceKind.Pdu => "rack PDU",
        DeviceKind.PowerMeter => "energy meter",
        _ => "environment probe",
    };
}
