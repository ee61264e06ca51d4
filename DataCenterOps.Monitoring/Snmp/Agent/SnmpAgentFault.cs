namespace DataCenterOps.Monitoring.Snmp.Agent;

/// <summary>Faults the simulator can inject into an agent.</summary>
public enum SnmpAgentFault
{
    /// <summary>Answers correctly.</summary>
    None,

    /// <summary>Never answers.</summary>
    Silent,

    /// <summary>Answers with bytes no manager can accept (random, truncated or with trailing junk).</summary>
    Garbage,
}
