using DataCenterOps.Monitoring.Modbus;

namespace DataCenterOps.Tests.Monitoring.Modbus;

public sealed class ModbusReadPlannerTests
{
    private const ModbusTable Holding = ModbusTable.HoldingRegisters;

    [Fact]
    public void NearbyPoints_AreMergedIntoOneRead()
    {
        var blocks = ModbusReadPlanner.Plan([new(Holding, 1024), new(Holding, 1030), new(Holding, 1032, ModbusDataType.UInt32)]);

        var block = Assert.Single(blocks);
        Assert.Equal((Holding, 1024, 10), (block.Table, (int)block.Start, (int)block.Count));
        Assert.Equal(3, block.Points.Count);
    }

    [Fact]
    public void GapsWiderThanMaxGap_StartANewRead()
    {
        var blocks = ModbusReadPlanner.Plan([new(Holding, 100), new(Holding, 109), new(Holding, 119)], maxGap: 8);

        Assert.Equal([(100, 10), (119, 1)], blocks.Select(b => ((int)b.Start, (int)b.Count)));
    }

    [Fact]
    public void TablesAreNeverMixed()
    {
        var blocks = ModbusReadPlanner.Plan([new(Holding, 5), new(ModbusTable.InputRegisters, 5), new(ModbusTable.Coils, 5), new(ModbusTable.DiscreteInputs, 6)]);

        Assert.Equal(4, blocks.Count);
        Assert.All(blocks, b => Assert.All(b.Points, p => Assert.Equal(b.Table, p.Table)));
    }

    [Fact]
    public void ReadsAreSplitAt125Registers_AndNoPointIsSplit()
    {
        var points = Enumerable.Range(0, 200).Select(i => new ModbusPointSpec(Holding, (ushort)(i * 2), ModbusDataType.UInt32)).ToList();

        var blocks = ModbusReadPlanner.Plan(points);

        Assert.All(blocks, b => Assert.InRange(b.Count, 1, 125));
        Assert.Equal(400, blocks.Sum(b => b.Count));
        Assert.All(points, p => Assert.Single(blocks, b => b.Points.Contains(p) && p.Address >= b.Start && p.Address + 2 <= b.Start + b.Count));
    }

    [Fact]
    public void BitReadsAreSplitAt2000Bits()
    {
        var points = Enumerable.Range(0, 4500).Select(i => new ModbusPointSpec(ModbusTable.Coils, (ushort)i));

        var blocks = ModbusReadPlanner.Plan(points);

        Assert.Equal([2000, 2000, 500], blocks.Select(b => (int)b.Count));
    }

    [Fact]
    public void OverlappingAndDuplicatePoints_ShareARead()
    {
        var whole = new ModbusPointSpec(Holding, 2049);
        var nibble = new ModbusPointSpec(Holding, 2049, ModbusDataType.Bits, BitShift: 12, BitWidth: 4);

        var block = Assert.Single(ModbusReadPlanner.Plan([whole, nibble, whole]));

        Assert.Equal(1, block.Count);
        Assert.Equal(3, block.Points.Count);
    }

    [Fact]
    public void Slice_GivesEachPointItsRegisters()
    {
        var power = new ModbusPointSpec(Holding, 1032, ModbusDataType.UInt32, Scale: 0.1);
        var speed = new ModbusPointSpec(Holding, 1030);
        var block = Assert.Single(ModbusReadPlanner.Plan([power, speed]));
        ushort[] values = [1500, 500, 0, 2301];

        Assert.Equal([0, 2301], block.Slice(power, values).ToArray());
        Assert.Equal(230.1, block.Decode(power, values).Value, 9);
        Assert.Equal(1500, block.Decode(speed, values).Value);
        Assert.Throws<ArgumentException>(() => block.Slice(new ModbusPointSpec(Holding, 2000), values));
    }

    [Fact]
    public void PointPastTheAddressSpace_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => ModbusReadPlanner.Plan([new(Holding, 65535, ModbusDataType.UInt32)]));
    }

    [Fact]
    public void MaxRegistersAbove125_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusReadPlanner.Plan([new(Holding, 0)], maxRegisters: 126));
    }
}
