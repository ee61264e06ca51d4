using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Modbus.Server;

namespace DataCenterOps.Tests.Monitoring.Modbus;

public sealed class ModbusRegisterBankTests
{
    private const ModbusTable Holding = ModbusTable.HoldingRegisters;

    [Fact]
    public void DeclaredButUnsetAddresses_ReadAsZero()
    {
        var bank = new ModbusRegisterBank();
        bank.DeclareRange(Holding, 100, 10);
        bank.SetRegister(Holding, 103, 7);
        var values = new ushort[10];

        Assert.True(bank.TryReadRegisters(Holding, 100, 10, values));
        Assert.Equal([0, 0, 0, 7, 0, 0, 0, 0, 0, 0], values);
    }

    [Fact]
    public void ReadTouchingAnUndeclaredUnsetAddress_Fails()
    {
        var bank = new ModbusRegisterBank();
        bank.SetRegister(Holding, 10, 1);
        bank.SetRegister(Holding, 12, 1);

        Assert.True(bank.TryReadRegisters(Holding, 10, 1, new ushort[1]));
        Assert.False(bank.TryReadRegisters(Holding, 10, 3, new ushort[3]));
        Assert.False(bank.TryReadRegisters(ModbusTable.InputRegisters, 10, 1, new ushort[1]));
    }

    [Fact]
    public void TablesAreSeparate_AndBitsAreNotRegisters()
    {
        var bank = new ModbusRegisterBank();
        bank.SetBit(ModbusTable.Coils, 4, true);
        bank.DeclareRange(ModbusTable.DiscreteInputs, 0, 8);
        var bits = new bool[8];

        Assert.True(bank.TryReadBits(ModbusTable.DiscreteInputs, 0, 8, bits));
        Assert.All(bits, Assert.False);
        Assert.True(bank.TryReadBits(ModbusTable.Coils, 4, 1, bits));
        Assert.True(bits[0]);
        Assert.False(bank.TryReadRegisters(ModbusTable.Coils, 4, 1, new ushort[1]));
        Assert.Throws<ArgumentException>(() => bank.SetRegister(ModbusTable.Coils, 0, 1));
        Assert.Throws<ArgumentException>(() => bank.SetBit(Holding, 0, true));
    }

    [Fact]
    public void SetValue_EncodesEngineeringValues_AndKeepsNeighbouringNibbles()
    {
        var bank = new ModbusRegisterBank();
        bank.SetRegister(Holding, 2049, 0x1111);

        bank.SetValue(new ModbusPointSpec(Holding, 2049, ModbusDataType.Bits, BitShift: 8, BitWidth: 4), 3);
        bank.SetValue(new ModbusPointSpec(Holding, 1032, ModbusDataType.UInt32, Scale: 0.1), 230.1);
        bank.SetSensorFault(new ModbusPointSpec(Holding, 1028, GenCommSentinels: true), ModbusSensorFault.TransducerFault);

        Assert.Equal(0x1311, bank.GetRegister(Holding, 2049));
        Assert.Equal(0, bank.GetRegister(Holding, 1032));
        Assert.Equal(2301, bank.GetRegister(Holding, 1033));
        Assert.Equal(0xFFFC, bank.GetRegister(Holding, 1028));
    }

    [Fact]
    public void ReadsAtTheTopOfTheAddressSpace_Terminate()
    {
        var bank = new ModbusRegisterBank();
        bank.DeclareRange(Holding, 65500, 36);
        var values = new ushort[36];

        Assert.True(bank.TryReadRegisters(Holding, 65500, 36, values));
    }

    [Fact]
    public async Task ConcurrentWritersAndReaders_NeverSeeTornValues()
    {
        var bank = new ModbusRegisterBank();
        var spec = new ModbusPointSpec(Holding, 0, ModbusDataType.UInt32);
        bank.SetValue(spec, 0);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var writer = Task.Run(() =>
        {
            for (var i = 0u; !stop.IsCancellationRequested; i++)
            {
                bank.SetValue(spec, (i % 2) == 0 ? 0 : 0x0001_0001);
            }
        });
        var torn = 0;
        var registers = new ushort[2];
        while (!stop.IsCancellationRequested)
        {
            bank.TryReadRegisters(Holding, 0, 2, registers);
            torn += registers[0] == registers[1] ? 0 : 1;
        }

        await writer;
        Assert.Equal(0, torn);
    }
}
