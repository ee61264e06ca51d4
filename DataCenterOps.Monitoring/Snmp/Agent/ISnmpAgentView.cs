namespace DataCenterOps.Monitoring.Snmp.Agent;

/// <summary>A readable, OID-ordered set of values (a device's MIB as the simulator holds it).</summary>
public interface ISnmpAgentView
{
    SnmpAgentFault Fault { get; }

    bool TryGet(ObjectIdentifier oid, out SnmpValue value);

    /// <summary>The first OID strictly after <paramref name="oid"/>, in SNMP order.</summary>
    bool TryGetNext(ObjectIdentifier oid, out ObjectIdentifier next, out SnmpValue value);

    /// <summary>
    /// Whether <paramref name="oid"/> lies in an object type the view implements (a scalar or a table column,
    /// the object itself included): a missing value there is noSuchInstance, anywhere else noSuchObject (RFC 3416 §4.2.1).
    /// </summary>
    bool ImplementsObjectOf(ObjectIdentifier oid);
}
