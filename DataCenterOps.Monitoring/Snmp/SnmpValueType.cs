namespace DataCenterOps.Monitoring.Snmp;

/// <summary>The SNMP value types, numbered by their BER tag (RFC 2578, RFC 3416 §3 for the exceptions).</summary>
public enum SnmpValueType : byte
{
    Integer = 0x02,
    OctetString = 0x04,
    Null = 0x05,
    ObjectIdentifier = 0x06,
    IpAddress = 0x40,
    Counter32 = 0x41,
    Gauge32 = 0x42,
    TimeTicks = 0x43,
    Opaque = 0x44,
    Counter64 = 0x46,
    NoSuchObject = 0x80,
    NoSuchInstance = 0x81,
    EndOfMibView = 0x82,
}
