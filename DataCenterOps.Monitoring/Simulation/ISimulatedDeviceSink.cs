using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>Where a simulated device's values go on the wire (an SNMP MIB table or a Modbus register bank).</summary>
internal interface ISimulatedDeviceSink
{
    /// <summary>Writes an engineering value, encoded through the point's profile entry.</summary>
    void Write(ProfilePoint point, double value);

    void SetFault(SimulatedFault fault);
}
