using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Simulation;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>
/// The simulated devices of the polling benchmarks, as options objects (never as configuration keys: binding thousands
/// of list elements from configuration grows with the square of the count, see the scale results): SNMP UPSs and SNMP
/// room sensors on one agent port (community = id), Modbus room sensors on one server port (unit ids from 1, at most 247).
/// </summary>
internal sealed record SimulatedFleet(IReadOnlyList<SimulatedDeviceOptions> Simulated, IReadOnlyList<DeviceOptions> Polled)
{
    /// <summary>The scale benchmarks' mix for <paramref name="devices"/>: a tenth Modbus (at most 247), 30 % of the rest SNMP UPSs.</summary>
    public static (int SnmpUps, int SnmpEnvironment, int ModbusEnvironment) Mix(int devices)
    {
        var modbus = Math.Min(247, devices / 10);
        var ups = (devices - modbus) * 3 / 10;
        return (ups, devices - modbus - ups, modbus);
    }

    public static SimulatedFleet Create(
        int snmpUps, int snmpEnvironment, int modbusEnvironment, double intervalSeconds, int snmpPort, int modbusPort, string idPrefix = "")
    {
        var simulated = new List<SimulatedDeviceOptions>();
        var polled = new List<DeviceOptions>();
        var snmpDevices = snmpUps + snmpEnvironment;
        for (var i = 0; i < snmpDevices + modbusEnvironment; i++)
        {
            var snmp = i < snmpDevices;
            var ups = i < snmpUps;
            var id = idPrefix + (ups ? $"ups-{i + 1}" : snmp ? $"env-snmp-{i - snmpUps + 1}" : $"env-{i - snmpDevices + 1}");
            var profile = ups ? "ups-rfc1628" : snmp ? "env-snmp" : "env-modbus";
            int? unit = snmp ? null : i - snmpDevices + 1;
            simulated.Add(new SimulatedDeviceOptions { Id = id, Profile = profile, Community = snmp ? id : null, UnitId = unit });
            polled.Add(new DeviceOptions
            {
                Id = id,
                Name = id,
                Kind = ups ? DeviceKind.Ups : DeviceKind.Environment,
                Protocol = snmp ? DeviceProtocol.Snmp : DeviceProtocol.ModbusTcp,
                Host = "127.0.0.1",
                Port = snmp ? snmpPort : modbusPort,
                Profile = profile,
                IntervalSeconds = intervalSeconds,
                Community = snmp ? id : null,
                UnitId = unit,
            });
        }

        return new SimulatedFleet(simulated, polled);
    }
}
