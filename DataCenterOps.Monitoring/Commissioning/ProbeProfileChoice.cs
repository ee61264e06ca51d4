namespace DataCenterOps.Monitoring.Commissioning;

/// <summary>How the probe chose the profile it read with.</summary>
public enum ProbeProfileChoice
{
    /// <summary>No SNMP profile matches the agent and none was given: nothing was read.</summary>
    None,

    /// <summary>Given by the operator (<c>--profile</c>, or chosen on the page).</summary>
    Given,

    /// <summary>The agent's sysObjectID lies under the profile's subtree.</summary>
    SysObjectId,

    /// <summary>The agent answers RFC 1628 upsIdentManufacturer.</summary>
    UpsIdent,

    /// <summary>The only Modbus profile (of the kind asked for).</summary>
    OnlyModbusProfile,
}
