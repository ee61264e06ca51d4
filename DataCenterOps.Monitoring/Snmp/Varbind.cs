namespace DataCenterOps.Monitoring.Snmp;

/// <summary>One variable binding: an OID and its value.</summary>
public readonly record struct Varbind(ObjectIdentifier Oid, SnmpValue Value)
{
    public override string ToString() => $"{Oid} = {Value.Type}: {Value}";
}
