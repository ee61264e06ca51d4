namespace DataCenterOps.Monitoring.Snmp;

/// <summary>USM privacy: CBC-DES (RFC 3414), CFB128-AES-128 (RFC 3826), AES-192/256 as net-snmp (Blumenthal key extension).</summary>
public enum SnmpPrivProtocol
{
    None,
    Des,
    Aes128,
    Aes192,
    Aes256,
}
