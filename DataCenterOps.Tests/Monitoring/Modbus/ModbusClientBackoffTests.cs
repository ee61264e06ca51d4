using System.Net;
using System.Net.Sockets;
using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Modbus.Server;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Tests.Monitoring.Modbus;

/// <summary>Connection failures and the reconnect backoff, with time under test control.</summary>
public sealed class ModbusClientBackoffTests
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RefusedConnection_IsConnectionError_AndRetriesWaitForADoublingBackoff()
    {
        var time = new FakeTimeProvider();
        await using var client = NewClient(PortNobodyListensOn(), time);

        var first = await Assert.ThrowsAsync<ModbusConnectionException>(() => Read(client));
        var duringBackoff = await Assert.ThrowsAsync<ModbusConnectionException>(() => Read(client));
        time.Advance(TimeSpan.FromSeconds(1));
        var second = await Assert.ThrowsAsync<ModbusConnectionException>(() => Read(client));
        var longerBackoff = await Assert.ThrowsAsync<ModbusConnectionException>(() => Read(client));
        time.Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<ModbusConnectionException>(() => Read(client));
        time.Advance(TimeSpan.FromSeconds(4));
        await Assert.ThrowsAsync<ModbusConnectionException>(() => Read(client));
        var capped = await Assert.ThrowsAsync<ModbusConnectionException>(() => Read(client));

        Assert.Null(first.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(1), duringBackoff.RetryAfter);
        Assert.Null(second.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(2), longerBackoff.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(4), capped.RetryAfter);
        Assert.Equal(0, client.ConnectCount);
    }

    [Fact]
    public async Task DeviceThatComesBack_IsReadOnceTheBackoffHasPassed()
    {
        var time = new FakeTimeProvider();
        var port = PortNobodyListensOn();
        await using var client = NewClient(port, time);
        await Assert.ThrowsAsync<ModbusConnectionException>(() => Read(client));

        var bank = new ModbusRegisterBank();
        bank.SetRegister(ModbusTable.HoldingRegisters, 0, 99);
        var units = new ModbusUnitMap();
        units.Set(1, bank);
        await using var server = new ModbusTcpServer(new IPEndPoint(IPAddress.Loopback, port), units);
        await server.StartAsync(CancellationToken.None);

        await Assert.ThrowsAsync<ModbusConnectionException>(() => Read(client));
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([99], await Read(client));
        Assert.True(client.IsConnected);
    }

    [Fact]
    public void InvalidOptions_AreRefusedAtConstruction()
    {
        Assert.ThrowsAny<System.ComponentModel.DataAnnotations.ValidationException>(() => new ModbusTcpClient(new ModbusEndpointOptions { Host = "" }));
        Assert.ThrowsAny<System.ComponentModel.DataAnnotations.ValidationException>(() => new ModbusTcpClient(new ModbusEndpointOptions { Host = "h", Port = 0 }));
        Assert.ThrowsAny<System.ComponentModel.DataAnnotations.ValidationException>(() => new ModbusTcpClient(new ModbusEndpointOptions { Host = "h", ReconnectDelayMin = TimeSpan.FromMinutes(2), ReconnectDelayMax = TimeSpan.FromMinutes(1) }));
    }

    private static Task<ushort[]> Read(ModbusTcpClient client) => client.ReadHoldingRegistersAsync(1, 0, 1).WaitAsync(NoHang);

    private static ModbusTcpClient NewClient(int port, TimeProvider time) => new(
        new ModbusEndpointOptions
        {
            Host = "127.0.0.1",
            Port = port,
            Timeout = TimeSpan.FromSeconds(10),
            ReconnectDelayMin = TimeSpan.FromSeconds(1),
            ReconnectDelayMax = TimeSpan.FromSeconds(4),
        },
        time);

    private static int PortNobodyListensOn()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
