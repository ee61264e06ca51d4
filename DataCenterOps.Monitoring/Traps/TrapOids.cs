using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>The notification OIDs the receiver names (SNMPv2-MIB, RFC 3584, RFC 1628 UPS-MIB); any other trap is shown by its dotted OID.</summary>
public static class TrapOids
{
    /// <summary>sysUpTime.0, the first varbind of every v2 notification.</summary>
    public static readonly ObjectIdentifier SysUpTime = ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0");

    /// <summary>snmpTrapOID.0, the second varbind: which notification this is.</summary>
    public static readonly ObjectIdentifier SnmpTrapOid = ObjectIdentifier.Parse("1.3.6.1.6.3.1.1.4.1.0");

    /// <summary>snmpTrapEnterprise.0 (RFC 3584 §3.1: a v1 trap's enterprise field).</summary>
    public static readonly ObjectIdentifier SnmpTrapEnterprise = ObjectIdentifier.Parse("1.3.6.1.6.3.1.1.4.3.0");

    /// <summary>snmpTrapAddress.0 (RFC 3584 §3.1: a v1 trap's agent-addr field).</summary>
    public static readonly ObjectIdentifier SnmpTrapAddress = ObjectIdentifier.Parse("1.3.6.1.6.3.18.1.3.0");

    /// <summary>snmpTrapCommunity.0 (RFC 3584 §3.1: a v1 trap's community). A secret: never shown.</summary>
    public static readonly ObjectIdentifier SnmpTrapCommunity = ObjectIdentifier.Parse("1.3.6.1.6.3.18.1.4.0");

    /// <summary>snmpTraps: the generic traps are snmpTraps.(generic-trap + 1).</summary>
    public static readonly ObjectIdentifier SnmpTraps = ObjectIdentifier.Parse("1.3.6.1.6.3.1.1.5");

    public static readonly ObjectIdentifier UpsTrapOnBattery = ObjectIdentifier.Parse("1.3.6.1.2.1.33.2.1");

    public static readonly ObjectIdentifier UpsTrapTestCompleted = ObjectIdentifier.Parse("1.3.6.1.2.1.33.2.2");

    public static readonly ObjectIdentifier UpsTrapAlarmEntryAdded = ObjectIdentifier.Parse("1.3.6.1.2.1.33.2.3");

    public static readonly ObjectIdentifier UpsTrapAlarmEntryRemoved = ObjectIdentifier.Parse("1.3.6.1.2.1.33.2.4");

    /// <summary>upsEstimatedMinutesRemaining.0, upsSecondsOnBattery.0, upsConfigLowBattTime.0: upsTrapOnBattery's objects.</summary>
    public static readonly ObjectIdentifier UpsEstimatedMinutesRemaining = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.3.0");

    public static readonly ObjectIdentifier UpsSecondsOnBattery = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.2.0");

    public static readonly ObjectIdentifier UpsConfigLowBattTime = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.9.7.0");

    /// <summary>upsAlarmId and upsAlarmDescr columns (append the row index): upsTrapAlarmEntryAdded/Removed's objects.</summary>
    public static readonly ObjectIdentifier UpsAlarmId = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.6.2.1.1");

    public static readonly ObjectIdentifier UpsAlarmDescr = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.6.2.1.2");

    /// <summary>upsWellKnownAlarms: upsAlarmDescr values are this with the alarm's number appended (2 = upsAlarmOnBattery).</summary>
    public static readonly ObjectIdentifier UpsWellKnownAlarms = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.6.3");

    /// <summary>upsAlarmOnBattery, a well-known alarm (value of upsAlarmDescr).</summary>
    public static readonly ObjectIdentifier UpsAlarmOnBattery = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.6.3.2");

    private static readonly Dictionary<ObjectIdentifier, string> Names = new()
    {
        [UpsTrapOnBattery] = "upsTrapOnBattery",
        [UpsTrapTestCompleted] = "upsTrapTestCompleted",
        [UpsTrapAlarmEntryAdded] = "upsTrapAlarmEntryAdded",
        [UpsTrapAlarmEntryRemoved] = "upsTrapAlarmEntryRemoved",
        [Generic(0)] = "coldStart",
        [Generic(1)] = "warmStart",
        [Generic(2)] = "linkDown",
        [Generic(3)] = "linkUp",
        [Generic(4)] = "authenticationFailure",
    };

    /// <summary>The v2 OID of a v1 generic trap 0–5 (coldStart … egpNeighborLoss), RFC 3584 §3.1.</summary>
    public static ObjectIdentifier Generic(int genericTrap) =>
        genericTrap is >= 0 and <= 5 ? SnmpTraps.Append((uint)genericTrap + 1) : throw new ArgumentOutOfRangeException(nameof(genericTrap));

    /// <summary>The trap's name when it is one we know, otherwise its dotted OID.</summary>
    public static string NameOf(ObjectIdentifier trapOid) => Names.TryGetValue(trapOid, out var name) ? name : trapOid.ToString();
}
