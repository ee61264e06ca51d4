using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Monitoring.Commissioning;

/// <summary>
/// What an SNMP agent says it is — MIB-II sysDescr and sysObjectID, and RFC 1628's upsIdent when it has one — and
/// the profile that fits: the SNMP profile whose subtree holds sysObjectID (PowerNet 1.3.6.1.4.1.318 →
/// ups-apc-powernet, upsMIB 1.3.6.1.2.1.33 → ups-rfc1628, …), else ups-rfc1628 when upsIdentManufacturer answers
/// (UPS cards give their vendor's sysObjectID but serve the standard MIB).
/// </summary>
public sealed record SnmpIdentity(string? SysDescr, ObjectIdentifier? SysObjectId, string? Manufacturer, string? Model)
{
    public const string Rfc1628Profile = "ups-rfc1628";

    public static readonly ObjectIdentifier SysDescrOid = ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0");
    public static readonly ObjectIdentifier SysObjectIdOid = ObjectIdentifier.Parse("1.3.6.1.2.1.1.2.0");
    public static readonly ObjectIdentifier UpsIdentManufacturer = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.1.1.0");
    public static readonly ObjectIdentifier UpsIdentModel = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.1.2.0");

    public static IReadOnlyList<ObjectIdentifier> Oids { get; } = [SysDescrOid, SysObjectIdOid, UpsIdentManufacturer, UpsIdentModel];

    public static SnmpIdentity From(IReadOnlyList<Varbind> varbinds)
    {
        ArgumentNullException.ThrowIfNull(varbinds);
        var byOid = varbinds.Where(v => !v.Value.IsException).DistinctBy(v => v.Oid).ToDictionary(v => v.Oid, v => v.Value);
        return new SnmpIdentity(
            Text(byOid, SysDescrOid),
            byOid.TryGetValue(SysObjectIdOid, out var id) && id.Type == SnmpValueType.ObjectIdentifier ? id.AsOid() : null,
            Text(byOid, UpsIdentManufacturer),
            Text(byOid, UpsIdentModel));
    }

    /// <summary>The matching profile and why, or null when none fits.</summary>
    public (DeviceProfile Profile, string Reason)? Match(ProfileCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (SysObjectId is { } sysObjectId)
        {
            var bySubtree = catalog.Profiles
                .Where(p => p.Protocol == DeviceProtocol.Snmp)
                .Select(p => (Profile: p, Root: SnmpSystemGroup.ObjectIdOf(p)))
                .Where(c => c.Root.Length > 2 && sysObjectId.StartsWith(c.Root))
                .OrderByDescending(c => c.Root.Length)
                .ThenBy(c => c.Profile.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (bySubtree.Profile is not null)
            {
                return (bySubtree.Profile, $"sysObjectID {sysObjectId} is under {bySubtree.Root}");
            }
        }

        if (Manufacturer is not null && catalog.TryGet(Rfc1628Profile, out var rfc1628))
        {
            return (rfc1628, "the agent answers RFC 1628 upsIdentManufacturer");
        }

        return null;
    }

    private static string? Text(Dictionary<ObjectIdentifier, SnmpValue> byOid, ObjectIdentifier oid) =>
        byOid.TryGetValue(oid, out var value) && value.Type == SnmpValueType.OctetString ? value.AsString() : null;
}
