namespace DataCenterOps.Monitoring.Snmp.Agent;

/// <summary>A readable, OID-ordered set of values (a device's MIB as the simulator holds it).</summary>
public interface ISnmpAgentView
{
    SnmpAgentFault Fault { get; }

    bool TryGet(ObjectIdentifier oid, out SnmpValue value);

    /// <summary>The first OID strictly after <paramref name="oid"/>, in SNMP order.</summary>
    bool TryGetNext(ObjectIdentifier oid, out ObjectIdentifier next, out SnmpValue value);
}
