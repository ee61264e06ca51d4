namespace DataCenterOps.Monitoring.Snmp.Agent;

/// <summary>What an <see cref="SnmpAgent"/> serves, by community.</summary>
public interface ISnmpAgentData
{
    /// <summary>The view a community may read; null for an unknown community, which gets no answer (as net-snmp).</summary>
    ISnmpAgentView? Resolve(string community);
}
