namespace DataCenterOps.Monitoring.Modbus;

/// <summary>One read request's worth of a table (≤ 125 registers or ≤ 2000 bits) and the points it serves.</summary>
public sealed class ModbusReadBlock(ModbusTable table, ushort start, ushort count, IReadOnlyList<ModbusPointSpec> points)
{
    public ModbusTable Table { get; } = table;

    public ushort Start { get; } = start;

    public ushort Count { get; } = count;

    public IReadOnlyList<ModbusPointSpec> Points { get; } = points;

    /// <summary>The registers of <paramref name="point"/> within the values read for this block.</summary>
    public ReadOnlySpan<ushort> Slice(ModbusPointSpec point, ReadOnlySpan<ushort> blockValues)
    {
        ArgumentNullException.ThrowIfNull(point);
        var offset = point.Address - Start;
        if (point.Table != Table || offset < 0 || offset + point.RegisterCount > Count)
        {
            throw new ArgumentException($"Point {point.Table}@{point.Address} is not inside block {Table}@{Start}+{Count}.", nameof(point));
        }

        if (blockValues.Length != Count)
        {
            throw new ArgumentException($"Block {Table}@{Start} holds {Count} values, got {blockValues.Length}.", nameof(blockValues));
        }

        return blockValues.Slice(offset, point.RegisterCount);
    }

    /// <summary>Slices and decodes a point in one step.</summary>
    public ModbusDecodedValue Decode(ModbusPointSpec point, ReadOnlySpan<ushort> blockValues) =>
        ModbusValueDecoder.Decode(point, Slice(point, blockValues));

    public override string ToString() => $"{Table}@{Start}+{Count} ({Points.Count} points)";
}
