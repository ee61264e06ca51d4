namespace DataCenterOps.Monitoring.Snmp;

/// <summary>SNMPv3 security level; the values are the msgFlags bits (RFC 3412 §6.4: 0x01 auth, 0x02 priv).</summary>
public enum SnmpSecurityLevel
{
    NoAuthNoPriv = 0,
    AuthNoPriv = 1,
    AuthPriv = 3,
}
