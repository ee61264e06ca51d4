namespace DataCenterOps.Monitoring.Modbus;

/// <summary>Turns the registers of one point into an engineering value or a quality (allocation-free).</summary>
public static class ModbusValueDecoder
{
    public static ModbusDecodedValue Decode(ModbusPointSpec spec, ReadOnlySpan<ushort> registersAtAddress)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (registersAtAddress.Length < spec.RegisterCount)
        {
            throw new ArgumentException($"Point {spec.Table}@{spec.Address} needs {spec.RegisterCount} registers, got {registersAtAddress.Length}.", nameof(registersAtAddress));
        }

        if (spec.Table.IsBitTable())
        {
            return Scaled(spec, registersAtAddress[0] != 0 ? 1 : 0);
        }

        var sentinels = spec.GenCommSentinels;
        switch (spec.DataType)
        {
            case ModbusDataType.UInt16:
                var u16 = registersAtAddress[0];
                return sentinels && u16 >= ushort.MaxValue - 6 ? Sentinel(ushort.MaxValue - u16) : Scaled(spec, u16);
            case ModbusDataType.Int16:
                var i16 = unchecked((short)registersAtAddress[0]);
                return sentinels && i16 >= short.MaxValue - 6 ? Sentinel(short.MaxValue - i16) : Scaled(spec, i16);
            case ModbusDataType.UInt32:
                var u32 = Combine(spec.WordOrder, registersAtAddress);
                return sentinels && u32 >= uint.MaxValue - 6 ? Sentinel((int)(uint.MaxValue - u32)) : Scaled(spec, u32);
            case ModbusDataType.Int32:
                var i32 = unchecked((int)Combine(spec.WordOrder, registersAtAddress));
                return sentinels && i32 >= int.MaxValue - 6 ? Sentinel(int.MaxValue - i32) : Scaled(spec, i32);
            case ModbusDataType.Float32:
                var f32 = BitConverter.UInt32BitsToSingle(Combine(spec.WordOrder, registersAtAddress));
                if (float.IsNaN(f32))
                {
                    return ModbusDecodedValue.NotAvailable;
                }

                return float.IsFinite(f32) ? Scaled(spec, f32) : ModbusDecodedValue.SensorFault(ModbusSensorFault.BadData);
            case ModbusDataType.Bits:
                CheckBitField(spec);
                var mask = (1 << spec.BitWidth) - 1;
                var field = (registersAtAddress[0] >> spec.BitShift) & mask;
                return sentinels && spec.BitWidth >= 2 && field == mask ? ModbusDecodedValue.NotAvailable : Scaled(spec, field);
            default:
                throw new ArgumentException($"Unknown data type {spec.DataType}.", nameof(spec));
        }
    }

    /// <summary>Joins two registers into 32 bits in the point's word order.</summary>
    internal static uint Combine(ModbusWordOrder order, ReadOnlySpan<ushort> registers) => order == ModbusWordOrder.LowWordFirst
        ? (uint)registers[0] | ((uint)registers[1] << 16)
        : ((uint)registers[0] << 16) | registers[1];

    internal static void CheckBitField(ModbusPointSpec spec)
    {
        if (spec.BitWidth is < 1 or > 16 || spec.BitShift + spec.BitWidth > 16)
        {
            throw new ArgumentException($"Point {spec.Table}@{spec.Address}: bit field shift {spec.BitShift} width {spec.BitWidth} does not fit a register.", nameof(spec));
        }
    }

    private static ModbusDecodedValue Sentinel(int distanceBelowMax) =>
        distanceBelowMax == 0 ? ModbusDecodedValue.NotAvailable : ModbusDecodedValue.SensorFault((ModbusSensorFault)(distanceBelowMax + 1));

    private static ModbusDecodedValue Scaled(ModbusPointSpec spec, double raw) => ModbusDecodedValue.Good((raw * spec.Scale) + spec.Offset);
}
