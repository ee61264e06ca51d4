namespace DataCenterOps.Monitoring.Snmp.Usm;

/// <summary>Why USM refused an incoming message (RFC 3414 §3.2); each has a usmStats counter and a Report.</summary>
internal enum UsmError
{
    None,
    UnknownEngineId,
    NotInTimeWindow,
    UnknownUserName,
    WrongDigest,
    DecryptionError,
    UnsupportedSecLevel,
}
