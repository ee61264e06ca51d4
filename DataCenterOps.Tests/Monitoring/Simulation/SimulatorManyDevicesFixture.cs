using DataCenterOps.Monitoring.Simulation;

namespace DataCenterOps.Tests.Monitoring.Simulation;

/// <summary>
/// One simulated room of 3,000 devices for all of <see cref="SimulatorManyDevicesTests"/>, on real loopback sockets and a
/// fake clock: 1,000 SNMP UPSs, 1,800 SNMP room probes and 200 Modbus room probes (unit ids 10–209), as the scale
/// benchmarks build them (options objects, no configuration list elements).
/// </summary>
public sealed class SimulatorManyDevicesFixture : IAsyncLifetime
{
    public const int Ups = 1_000;
    public const int SnmpProbes = 1_800;
    public const int ModbusProbes = 200;
    public const int FirstUnit = 10;

    private SimulatorHostFixture? _sim;

    internal SimulatorHostFixture Sim => _sim ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _sim = await SimulatorHostFixture.StartAsync(configure: options =>
        {
            for (var i = 1; i <= Ups; i++)
            {
                options.Devices.Add(new SimulatedDeviceOptions { Id = $"ups-{i}", Profile = "ups-rfc1628" });
            }

            for (var i = 1; i <= SnmpProbes; i++)
            {
                options.Devices.Add(new SimulatedDeviceOptions { Id = $"env-snmp-{i}", Profile = "env-snmp" });
            }

            for (var i = 0; i < ModbusProbes; i++)
            {
                options.Devices.Add(new SimulatedDeviceOptions { Id = $"env-{i + 1}", Profile = "env-modbus", UnitId = FirstUnit + i });
            }
        });

        // Half a minute of room life, so that noise and load have moved from their starting values.
        _sim.Advance(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_sim is not null)
        {
            await _sim.DisposeAsync();
        }
    }
}
