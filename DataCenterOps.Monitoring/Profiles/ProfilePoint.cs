using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Monitoring.Profiles;

/// <summary>
/// One value a device offers. The engineering value is raw × <see cref="Scale"/> + <see cref="Offset"/>;
/// <see cref="States"/> names the raw codes of an enumerated point. SNMP points carry
/// <see cref="Oid"/> and <see cref="SnmpType"/>; Modbus points carry <see cref="Table"/>,
/// <see cref="Address"/> and <see cref="DataType"/> (with word order and bit field).
/// </summary>
public sealed record ProfilePoint
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public string? Unit { get; init; }

    public double Scale { get; init; } = 1;

    public double Offset { get; init; }

    /// <summary>Raw code → state name (e.g. upsOutputSource 5 → "battery"); null for analog points.</summary>
    public IReadOnlyDictionary<long, string>? States { get; init; }

    public string? Oid { get; init; }

    public SnmpValueType? SnmpType { get; init; }

    public ModbusTable? Table { get; init; }

    public ushort? Address { get; init; }

    public ModbusDataType? DataType { get; init; }

    public ModbusWordOrder WordOrder { get; init; } = ModbusWordOrder.HighWordFirst;

    /// <summary>For <see cref="ModbusDataType.Bits"/>: the lowest bit of the field inside the 16-bit register.</summary>
    public int BitShift { get; init; }

    /// <summary>For <see cref="ModbusDataType.Bits"/>: the field width in bits (1 for a flag, 4 for a GenComm alarm code).</summary>
    public int BitWidth { get; init; }

    /// <summary>Deep Sea GenComm reserved raw values (0xFFFF/0x7FFF not implemented, −2…−7 sensor faults) mean "no value".</summary>
    public bool GenCommSentinels { get; init; }

    /// <summary>
    /// A key point (<c>"key": true</c>): a device whose key points all lack a usable value, poll after poll, gives
    /// "no valid data" (<see cref="DeviceProfile.KeyPoints"/>; a profile that marks none counts every point as key).
    /// </summary>
    public bool IsKey { get; init; }

    public bool IsEnumerated => States is { Count: > 0 };

    /// <summary>The same point with a site's scale (vendors get UPS-MIB scaling wrong by ×10).</summary>
    public ProfilePoint WithScale(double scale)
    {
        if (!double.IsFinite(scale) || scale == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "A point scale must be a finite, non-zero number.");
        }

        return this with { Scale = scale };
    }

    /// <summary>The same point with a site's scale and offset.</summary>
    public ProfilePoint WithScale(double scale, double offset) => WithScale(scale) with { Offset = offset };

    public double ToEngineering(double raw) => raw * Scale + Offset;

    /// <summary>The state name of a raw code, or null when the point is analog or the code unknown.</summary>
    public string? StateOf(double raw)
    {
        if (States is null || !double.IsFinite(raw) || raw != Math.Floor(raw))
        {
            return null;
        }

        return States.TryGetValue((long)raw, out var state) ? state : null;
    }

    /// <summary>
    /// The raw number a device would send for an engineering value (the inverse of
    /// <see cref="ToEngineering"/>), rounded and clamped to what the point's type can carry.
    /// </summary>
    public double ToRaw(double value)
    {
        var raw = (value - Offset) / Scale;
        if (DataType == ModbusDataType.Float32)
        {
            return (float)raw;
        }

        var (min, max) = RawRange();
        return Math.Clamp(Math.Round(raw, MidpointRounding.AwayFromZero), min, max);
    }

    /// <summary>The engineering value a reader gets back after the value went through the wire format.</summary>
    public double Quantize(double value) => ToEngineering(ToRaw(value));

    /// <summary>The raw codes the point's wire type can carry (GenComm points keep their top seven codes, or a field's all-ones, for sentinels).</summary>
    public (double Min, double Max) RawRange()
    {
        var reserved = GenCommSentinels ? 7 : 0;
        return (DataType, SnmpType) switch
        {
            (ModbusDataType.Bits, _) when Table is ModbusTable.Coils or ModbusTable.DiscreteInputs => (0, 1),
            (ModbusDataType.UInt16, _) => (ushort.MinValue, ushort.MaxValue - reserved),
            (ModbusDataType.Int16, _) => (short.MinValue, short.MaxValue - reserved),
            (ModbusDataType.UInt32, _) => (uint.MinValue, uint.MaxValue - (uint)reserved),
            (ModbusDataType.Int32, _) => (int.MinValue, int.MaxValue - reserved),
            (ModbusDataType.Float32, _) => (float.MinValue, float.MaxValue),
            (ModbusDataType.Bits, _) => (0, (1L << Math.Clamp(BitWidth, 1, 16)) - (GenCommSentinels && BitWidth >= 2 ? 2 : 1)),
            (_, SnmpValueType.Integer) => (int.MinValue, int.MaxValue),
            (_, SnmpValueType.Counter32 or SnmpValueType.Gauge32 or SnmpValueType.TimeTicks) => (uint.MinValue, uint.MaxValue),
            (_, SnmpValueType.Counter64) => (0, ulong.MaxValue),
            _ => (double.MinValue, double.MaxValue),
        };
    }

    /// <summary>The Modbus decoder's view of this point (with this point's scale and offset).</summary>
    /// <exception cref="InvalidOperationException">The point is not a Modbus point.</exception>
    public ModbusPointSpec ToModbusSpec() =>
        Table is { } table && Address is { } address && DataType is { } type
            ? new ModbusPointSpec(table, address, type, WordOrder, Scale, Offset, (byte)BitShift, (byte)BitWidth, GenCommSentinels)
            : throw new InvalidOperationException($"Point '{Name}' is not a Modbus point.");

    /// <summary>The point's OID as the SNMP client takes it.</summary>
    /// <exception cref="InvalidOperationException">The point is not an SNMP point.</exception>
    public ObjectIdentifier ToObjectIdentifier() =>
        Oid is not null
            ? ObjectIdentifier.Parse(Oid)
            : throw new InvalidOperationException($"Point '{Name}' is not an SNMP point.");
}
