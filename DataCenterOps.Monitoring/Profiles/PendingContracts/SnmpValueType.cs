namespace DataCenterOps.Monitoring.Snmp;

// Temporary stand-in until the snmp branch lands; deleted at merge.
public enum SnmpValueType
{
    Integer,
    OctetString,
    Oid,
    Counter32,
    Gauge32,
    TimeTicks,
    Counter64,
}
