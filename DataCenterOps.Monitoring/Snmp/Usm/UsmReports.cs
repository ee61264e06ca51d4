namespace DataCenterOps.Monitoring.Snmp.Usm;

/// <summary>The counters a Report PDU carries (RFC 3414 §5 usmStats, RFC 3412 snmpMPDStats, RFC 3413 snmpTarget).</summary>
internal static class UsmReports
{
    public static readonly ObjectIdentifier UnsupportedSecLevels = ObjectIdentifier.Parse("1.3.6.1.6.3.15.1.1.1.0");
    public static readonly ObjectIdentifier NotInTimeWindows = ObjectIdentifier.Parse("1.3.6.1.6.3.15.1.1.2.0");
    public static readonly ObjectIdentifier UnknownUserNames = ObjectIdentifier.Parse("1.3.6.1.6.3.15.1.1.3.0");
    public static readonly ObjectIdentifier UnknownEngineIds = ObjectIdentifier.Parse("1.3.6.1.6.3.15.1.1.4.0");
    public static readonly ObjectIdentifier WrongDigests = ObjectIdentifier.Parse("1.3.6.1.6.3.15.1.1.5.0");
    public static readonly ObjectIdentifier DecryptionErrors = ObjectIdentifier.Parse("1.3.6.1.6.3.15.1.1.6.0");
    public static readonly ObjectIdentifier UnknownSecurityModels = ObjectIdentifier.Parse("1.3.6.1.6.3.11.2.1.1.0");
    public static readonly ObjectIdentifier InvalidMsgs = ObjectIdentifier.Parse("1.3.6.1.6.3.11.2.1.2.0");
    public static readonly ObjectIdentifier UnknownPduHandlers = ObjectIdentifier.Parse("1.3.6.1.6.3.11.2.1.3.0");
    public static readonly ObjectIdentifier UnavailableContexts = ObjectIdentifier.Parse("1.3.6.1.6.3.12.1.4.0");
    public static readonly ObjectIdentifier UnknownContexts = ObjectIdentifier.Parse("1.3.6.1.6.3.12.1.5.0");

    /// <summary>The counter OID for a USM failure; null for <see cref="UsmError.None"/>.</summary>
    public static ObjectIdentifier? For(UsmError error) => error switch
    {
        UsmError.UnknownEngineId => UnknownEngineIds,
        UsmError.NotInTimeWindow => NotInTimeWindows,
        UsmError.UnknownUserName => UnknownUserNames,
        UsmError.WrongDigest => WrongDigests,
        UsmError.DecryptionError => DecryptionErrors,
        UsmError.UnsupportedSecLevel => UnsupportedSecLevels,
        _ => null,
    };
}
