using System.Globalization;
using System.Net.Sockets;
using System.Net;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Tests.Monitoring.Snmp;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Monitoring.Simulation;

public sealed class SimulatorStandaloneTests
{
    [Fact]
    public async Task Standalone_ServesTheRoomOnTheGivenPorts_UntilCancelled()
    {
        var snmpPort = FreePorts.Udp();
        var modbusPort = FreePorts.Tcp();
        using var cts = new CancellationTokenSource();
        var run = SimulatorStandalone.RunAsync(
            [$"--Simulator:SnmpPort={snmpPort}", $"--Simulator:ModbusPort={modbusPort}", "--Simulator:Enabled=false"],
            cts.Token);

        // Bounded wait for the agent to answer (the host starts asynchronously); Enabled=false is overridden.
        IReadOnlyList<string>? lines = null;
        for (var attempt = 0; attempt < 60 && lines is null && !run.IsCompleted; attempt++)
        {
            try
            {
                lines = await NetSnmpTool.RunAsync(
                    "snmpget", ["-v2c", "-c", "ups-1", "-On", "-t", "1", "-r", "0", $"127.0.0.1:{snmpPort}", "1.3.6.1.2.1.33.1.4.1.0"],
                    TimeSpan.FromSeconds(30));
            }
            catch (InvalidOperationException)
            {
                await Task.Delay(250);
            }
        }

        Assert.False(run.IsCompleted, run.Exception?.ToString());
        Assert.Equal([".1.3.6.1.2.1.33.1.4.1.0 = INTEGER: 3"], lines);
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, modbusPort);
            Assert.True(tcp.Connected, $"Modbus port {modbusPort.ToString(CultureInfo.InvariantCulture)} accepts");
        }

        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
    }

}
