using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Modbus.Server;

namespace DataCenterOps.Tests.Monitoring.Modbus;

/// <summary>mbpoll (libmodbus) reads our server and must see exactly the values held.</summary>
public sealed partial class ModbusServerMbpollTests : IAsyncLifetime
{
    private readonly ModbusRegisterBank _bank = new();
    private readonly ModbusUnitMap _units = new();
    private ModbusTcpServer _server = null!;

    public async Task InitializeAsync()
    {
        _bank.DeclareRange(ModbusTable.HoldingRegisters, 1024, 64);
        _bank.SetValue(new ModbusPointSpec(ModbusTable.HoldingRegisters, 1024), 350);
        _bank.SetValue(new ModbusPointSpec(ModbusTable.HoldingRegisters, 1025, ModbusDataType.Int16), -12);
        _bank.SetNotAvailable(new ModbusPointSpec(ModbusTable.HoldingRegisters, 1026, ModbusDataType.Int16));
        _bank.SetValue(new ModbusPointSpec(ModbusTable.HoldingRegisters, 1029, Scale: 0.1), 27.1);
        _bank.SetValue(new ModbusPointSpec(ModbusTable.HoldingRegisters, 1032, ModbusDataType.UInt32, Scale: 0.1), 230.1);
        _bank.SetValue(new ModbusPointSpec(ModbusTable.HoldingRegisters, 1034, ModbusDataType.UInt32), 70000);
        for (var i = 0; i < 50; i++)
        {
            _bank.SetRegister(ModbusTable.InputRegisters, (ushort)(200 + i), (ushort)(1000 + (i * 13)));
            _bank.SetBit(ModbusTable.Coils, (ushort)(10 + i), i % 3 == 0);
            _bank.SetBit(ModbusTable.DiscreteInputs, (ushort)(10 + i), i % 4 == 1);
        }

        _units.Set(1, _bank);
        _units.Set(17, _bank);
        _server = new ModbusTcpServer(new IPEndPoint(IPAddress.Loopback, 0), _units);
        await _server.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(1, "4", ModbusTable.HoldingRegisters, 1024, 16)]
    [InlineData(17, "4", ModbusTable.HoldingRegisters, 1030, 8)]
    [InlineData(1, "3", ModbusTable.InputRegisters, 200, 50)]
    public async Task Mbpoll_ReadsRegisters_ExactlyAsHeld(int unit, string type, ModbusTable table, int address, int count)
    {
        var values = await MbpollAsync(unit, type, address, count);

        Assert.Equal(count, values.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(_bank.GetRegister(table, (ushort)(address + i)), values[address + i]);
        }
    }

    [Theory]
    [InlineData("0", ModbusTable.Coils)]
    [InlineData("1", ModbusTable.DiscreteInputs)]
    public async Task Mbpoll_ReadsBits_ExactlyAsHeld(string type, ModbusTable table)
    {
        var values = await MbpollAsync(1, type, 10, 50);

        Assert.Equal(50, values.Count);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(_bank.GetRegister(table, (ushort)(10 + i)), values[10 + i]);
        }
    }

    [Fact]
    public async Task Mbpoll_SeesGenCommValues_AsEncoded()
    {
        var values = await MbpollAsync(1, "4", 1024, 12);

        Assert.Equal(350, values[1024]);
        Assert.Equal(0xFFF4, values[1025]);
        Assert.Equal(0x7FFF, values[1026]);
        Assert.Equal(271, values[1029]);
        Assert.Equal(0, values[1032]);
        Assert.Equal(2301, values[1033]);
        Assert.Equal(1, values[1034]);
        Assert.Equal(70000 - 65536, values[1035]);
    }

    [Fact]
    public async Task Mbpoll_GetsIllegalAddress_OutsideDeclaredRanges()
    {
        var (exitCode, output, error) = await RunMbpollAsync(1, "4", 5000, 2);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Illegal data address", output + error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Mbpoll_GetsGatewayTargetFailure_ForUnknownUnit()
    {
        var (exitCode, output, error) = await RunMbpollAsync(9, "4", 1024, 2);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("failed to respond", output + error, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Protocol address → value, from mbpoll's "[reference]: value" lines (references count from 1).</summary>
    private async Task<Dictionary<int, int>> MbpollAsync(int unit, string type, int address, int count)
    {
        var (exitCode, output, error) = await RunMbpollAsync(unit, type, address, count);
        Assert.True(exitCode == 0, $"mbpoll failed ({exitCode}): {output} {error}");
        return ValueLine().Matches(output).ToDictionary(
            m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 1,
            m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private Task<(int ExitCode, string Output, string Error)> RunMbpollAsync(int unit, string type, int address, int count) =>
        PeerProcess.RunAsync("mbpoll", ["-m", "tcp", "-a", $"{unit}", "-r", $"{address + 1}", "-c", $"{count}", "-t", type, "-1", "-o", "5", "-p", $"{_server.LocalEndpoint.Port}", "127.0.0.1"], TimeSpan.FromSeconds(60));

    [GeneratedRegex(@"^\[(\d+)\]:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex ValueLine();
}
