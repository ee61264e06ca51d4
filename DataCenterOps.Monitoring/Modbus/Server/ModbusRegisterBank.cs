namespace DataCenterOps.Monitoring.Modbus.Server;

/// <summary>
/// A thread-safe, sparse store of one simulated unit's four tables. Rule for reads: every address asked
/// for must be readable — either declared with <see cref="DeclareRange"/> or written at least once —
/// else the read fails (exception 0x02). Readable addresses never written read as 0 (or false).
/// </summary>
public sealed class ModbusRegisterBank : IModbusUnit
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, ushort>[] _values = [new(), new(), new(), new()];
    private readonly List<(int Start, int End)>[] _declared = [[], [], [], []];
    private volatile ModbusServerFault _fault;

    public ModbusServerFault Fault
    {
        get => _fault;
        set => _fault = value;
    }

    /// <summary>Makes <paramref name="count"/> addresses from <paramref name="start"/> readable (as 0 until set).</summary>
    public void DeclareRange(ModbusTable table, ushort start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, 0x10000, nameof(count));
        lock (_lock)
        {
            _declared[Index(table)].Add((start, start + count));
        }
    }

    public void SetRegister(ModbusTable table, ushort address, ushort value)
    {
        RequireRegisters(table);
        lock (_lock)
        {
            _values[Index(table)][address] = value;
        }
    }

    public void SetRegisters(ModbusTable table, ushort start, ReadOnlySpan<ushort> values)
    {
        RequireRegisters(table);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + values.Length, 0x10000, nameof(values));
        lock (_lock)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _values[Index(table)][start + i] = values[i];
            }
        }
    }

    public void SetBit(ModbusTable table, ushort address, bool value)
    {
        if (!table.IsBitTable())
        {
            throw new ArgumentException($"{table} holds registers, not bits.", nameof(table));
        }

        lock (_lock)
        {
            _values[Index(table)][address] = value ? (ushort)1 : (ushort)0;
        }
    }

    /// <summary>Writes an engineering value through <see cref="ModbusValueEncoder"/>; a bit field keeps its neighbours' bits.</summary>
    public void SetValue(ModbusPointSpec spec, double engineeringValue) =>
        Update(spec, registers => ModbusValueEncoder.Encode(spec, engineeringValue, registers));

    /// <summary>Writes the point's "not available" sentinel.</summary>
    public void SetNotAvailable(ModbusPointSpec spec) => Update(spec, registers => ModbusValueEncoder.EncodeNotAvailable(spec, registers));

    /// <summary>Writes one of GenComm's sensor-fault codes.</summary>
    public void SetSensorFault(ModbusPointSpec spec, ModbusSensorFault fault) =>
        Update(spec, registers => ModbusValueEncoder.EncodeSensorFault(spec, fault, registers));

    /// <summary>The stored value (0 when never set).</summary>
    public ushort GetRegister(ModbusTable table, ushort address)
    {
        lock (_lock)
        {
            return _values[Index(table)].GetValueOrDefault(address);
        }
    }

    public bool TryReadRegisters(ModbusTable table, ushort start, ushort count, Span<ushort> destination)
    {
        if (table.IsBitTable() || destination.Length < count)
        {
            return false;
        }

        lock (_lock)
        {
            if (!IsReadable(table, start, count))
            {
                return false;
            }

            var values = _values[Index(table)];
            for (var i = 0; i < count; i++)
            {
                destination[i] = values.GetValueOrDefault(start + i);
            }
        }

        return true;
    }

    public bool TryReadBits(ModbusTable table, ushort start, ushort count, Span<bool> destination)
    {
        if (!table.IsBitTable() || destination.Length < count)
        {
            return false;
        }

        lock (_lock)
        {
            if (!IsReadable(table, start, count))
            {
                return false;
            }

            var values = _values[Index(table)];
            for (var i = 0; i < count; i++)
            {
                destination[i] = values.GetValueOrDefault(start + i) != 0;
            }
        }

        return true;
    }

    private delegate void RegisterWriter(Span<ushort> registers);

    private void Update(ModbusPointSpec spec, RegisterWriter write)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Span<ushort> registers = stackalloc ushort[2];
        lock (_lock)
        {
            var values = _values[Index(spec.Table)];
            for (var i = 0; i < spec.RegisterCount; i++)
            {
                registers[i] = values.GetValueOrDefault(spec.Address + i);
            }

            write(registers);
            for (var i = 0; i < spec.RegisterCount; i++)
            {
                values[spec.Address + i] = registers[i];
            }
        }
    }

    // Caller holds the lock. Declared ranges are few, so a linear scan per address is cheap enough.
    private bool IsReadable(ModbusTable table, ushort start, ushort count)
    {
        if (count == 0 || start + count > 0x10000)
        {
            return false;
        }

        var values = _values[Index(table)];
        var declared = _declared[Index(table)];
        for (var address = (int)start; address < start + count; address++)
        {
            if (!values.ContainsKey(address) && !IsDeclared(declared, address))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDeclared(List<(int Start, int End)> ranges, int address)
    {
        foreach (var (rangeStart, rangeEnd) in ranges)
        {
            if (address >= rangeStart && address < rangeEnd)
            {
                return true;
            }
        }

        return false;
    }

    private static void RequireRegisters(ModbusTable table)
    {
        if (table.IsBitTable())
        {
            throw new ArgumentException($"{table} holds bits, not registers.", nameof(table));
        }
    }

    private static int Index(ModbusTable table) => table switch
    {
        ModbusTable.Coils => 0,
        ModbusTable.DiscreteInputs => 1,
        ModbusTable.HoldingRegisters => 2,
        ModbusTable.InputRegisters => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Unknown Modbus table."),
    };
}
