namespace DataCenterOps.Monitoring.Modbus;

/// <summary>
/// Where a point lives and how to turn its registers into an engineering value:
/// <c>value = raw × Scale + Offset</c>. Points in the coil and discrete-input tables are single bits
/// (raw 0 or 1) whatever their <see cref="DataType"/>.
/// </summary>
public sealed record ModbusPointSpec(
    ModbusTable Table,
    ushort Address,
    ModbusDataType DataType = ModbusDataType.UInt16,
    ModbusWordOrder WordOrder = ModbusWordOrder.HighWordFirst,
    double Scale = 1,
    double Offset = 0,
    byte BitShift = 0,
    byte BitWidth = 0,
    bool GenCommSentinels = false)
{
    /// <summary>Registers (or bits, for bit tables) the point occupies from <see cref="Address"/>.</summary>
    public int RegisterCount => !Table.IsBitTable() && DataType is ModbusDataType.UInt32 or ModbusDataType.Int32 or ModbusDataType.Float32 ? 2 : 1;

    /// <summary>Throws <see cref="ArgumentException"/> when the spec cannot be decoded.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Table) || !Enum.IsDefined(DataType) || !Enum.IsDefined(WordOrder))
        {
            throw new ArgumentException($"Point {Table}@{Address} has an unknown table, data type or word order.");
        }

        if (Address + RegisterCount > 0x10000)
        {
            throw new ArgumentException($"Point {Table}@{Address} runs past address 65535.");
        }

        if (Scale == 0 || !double.IsFinite(Scale) || !double.IsFinite(Offset))
        {
            throw new ArgumentException($"Point {Table}@{Address} needs a finite, non-zero scale and a finite offset.");
        }

        if (DataType == ModbusDataType.Bits && !Table.IsBitTable() && (BitWidth is < 1 or > 16 || BitShift + BitWidth > 16))
        {
            throw new ArgumentException($"Point {Table}@{Address}: bit field shift {BitShift} width {BitWidth} does not fit a register.");
        }
    }
}
