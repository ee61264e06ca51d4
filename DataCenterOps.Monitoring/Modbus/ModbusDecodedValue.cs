namespace DataCenterOps.Monitoring.Modbus;

/// <summary>A decoded point: an engineering value when <see cref="Quality"/> is Good, otherwise the reason there is none.</summary>
public readonly record struct ModbusDecodedValue(double Value, ModbusValueQuality Quality, ModbusSensorFault Fault)
{
    public static ModbusDecodedValue NotAvailable => new(double.NaN, ModbusValueQuality.NotAvailable, ModbusSensorFault.None);

    public bool IsGood => Quality == ModbusValueQuality.Good;

    public static ModbusDecodedValue Good(double value) => new(value, ModbusValueQuality.Good, ModbusSensorFault.None);

    public static ModbusDecodedValue SensorFault(ModbusSensorFault fault) => new(double.NaN, ModbusValueQuality.SensorFault, fault);
}
