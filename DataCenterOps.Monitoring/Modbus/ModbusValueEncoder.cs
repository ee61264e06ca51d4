namespace DataCenterOps.Monitoring.Modbus;

/// <summary>
/// The inverse of <see cref="ModbusValueDecoder"/>: writes an engineering value into a point's registers
/// (used by the simulator). A bit field changes only its own bits of <c>destination[0]</c>.
/// </summary>
public static class ModbusValueEncoder
{
    public static void Encode(ModbusPointSpec spec, double engineeringValue, Span<ushort> destination)
    {
        ArgumentNullException.ThrowIfNull(spec);
        CheckDestination(spec, destination);
        if (!double.IsFinite(engineeringValue))
        {
            throw new ArgumentOutOfRangeException(nameof(engineeringValue), engineeringValue, "Only finite values can be encoded; use EncodeNotAvailable.");
        }

        var raw = (engineeringValue - spec.Offset) / spec.Scale;
        if (spec.Table.IsBitTable())
        {
            destination[0] = Math.Round(raw) != 0 ? (ushort)1 : (ushort)0;
            return;
        }

        var reserved = spec.GenCommSentinels ? 7 : 0; // the top seven codes of a type are sentinels
        switch (spec.DataType)
        {
            case ModbusDataType.UInt16:
                destination[0] = (ushort)Whole(raw, ushort.MinValue, ushort.MaxValue - reserved, engineeringValue);
                break;
            case ModbusDataType.Int16:
                destination[0] = unchecked((ushort)(short)Whole(raw, short.MinValue, short.MaxValue - reserved, engineeringValue));
                break;
            case ModbusDataType.UInt32:
                Split(spec.WordOrder, (uint)Whole(raw, uint.MinValue, uint.MaxValue - (uint)reserved, engineeringValue), destination);
                break;
            case ModbusDataType.Int32:
                Split(spec.WordOrder, unchecked((uint)(int)Whole(raw, int.MinValue, int.MaxValue - reserved, engineeringValue)), destination);
                break;
            case ModbusDataType.Float32:
                Split(spec.WordOrder, BitConverter.SingleToUInt32Bits((float)raw), destination);
                break;
            case ModbusDataType.Bits:
                ModbusValueDecoder.CheckBitField(spec);
                var mask = (1 << spec.BitWidth) - 1;
                var top = spec.GenCommSentinels && spec.BitWidth >= 2 ? mask - 1 : mask;
                var field = (int)Whole(raw, 0, top, engineeringValue);
                destination[0] = (ushort)((destination[0] & ~(mask << spec.BitShift)) | (field << spec.BitShift));
                break;
            default:
                throw new ArgumentException($"Unknown data type {spec.DataType}.", nameof(spec));
        }
    }

    /// <summary>Writes the type's "not available" sentinel (0xFFFF, 0x7FFF, 0xFFFFFFFF, 0x7FFFFFFF, NaN, all-ones field).</summary>
    public static void EncodeNotAvailable(ModbusPointSpec spec, Span<ushort> destination) => EncodeSentinel(spec, 0, destination);

    /// <summary>Writes GenComm's sensor-fault code (the type's maximum minus 1…6).</summary>
    public static void EncodeSensorFault(ModbusPointSpec spec, ModbusSensorFault fault, Span<ushort> destination)
    {
        if (fault is < ModbusSensorFault.OverRange or > ModbusSensorFault.LowDigitalInput)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault, "Not a GenComm sensor-fault code.");
        }

        EncodeSentinel(spec, (int)fault - 1, destination);
    }

    private static void EncodeSentinel(ModbusPointSpec spec, int belowMax, Span<ushort> destination)
    {
        ArgumentNullException.ThrowIfNull(spec);
        CheckDestination(spec, destination);
        switch (spec.DataType)
        {
            case ModbusDataType.UInt16 when !spec.Table.IsBitTable():
                destination[0] = (ushort)(ushort.MaxValue - belowMax);
                break;
            case ModbusDataType.Int16 when !spec.Table.IsBitTable():
                destination[0] = (ushort)(short.MaxValue - belowMax);
                break;
            case ModbusDataType.UInt32:
                Split(spec.WordOrder, uint.MaxValue - (uint)belowMax, destination);
                break;
            case ModbusDataType.Int32:
                Split(spec.WordOrder, (uint)(int.MaxValue - belowMax), destination);
                break;
            case ModbusDataType.Float32 when belowMax == 0:
                Split(spec.WordOrder, BitConverter.SingleToUInt32Bits(float.NaN), destination);
                break;
            case ModbusDataType.Bits when belowMax == 0 && spec.BitWidth >= 2:
                ModbusValueDecoder.CheckBitField(spec);
                var mask = (1 << spec.BitWidth) - 1;
                destination[0] = (ushort)(destination[0] | (mask << spec.BitShift));
                break;
            default:
                throw new ArgumentException($"Point {spec.Table}@{spec.Address} ({spec.DataType}) has no such sentinel.", nameof(spec));
        }
    }

    private static long Whole(double raw, long min, long max, double engineeringValue)
    {
        var rounded = Math.Round(raw, MidpointRounding.AwayFromZero);
        if (rounded < min || rounded > max)
        {
            throw new ArgumentOutOfRangeException(nameof(engineeringValue), engineeringValue, $"Raw value {rounded} is outside {min}…{max}.");
        }

        return (long)rounded;
    }

    private static void Split(ModbusWordOrder order, uint value, Span<ushort> destination)
    {
        var high = (ushort)(value >> 16);
        var low = (ushort)value;
        destination[0] = order == ModbusWordOrder.LowWordFirst ? low : high;
        destination[1] = order == ModbusWordOrder.LowWordFirst ? high : low;
    }

    private static void CheckDestination(ModbusPointSpec spec, Span<ushort> destination)
    {
        if (destination.Length < spec.RegisterCount)
        {
            throw new ArgumentException($"Point {spec.Table}@{spec.Address} needs {spec.RegisterCount} registers, got {destination.Length}.", nameof(destination));
        }
    }
}
