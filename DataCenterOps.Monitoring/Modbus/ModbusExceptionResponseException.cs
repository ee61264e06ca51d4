namespace DataCenterOps.Monitoring.Modbus;

/// <summary>The device answered with a well-formed Modbus exception response (e.g. illegal data address).</summary>
public sealed class ModbusExceptionResponseException : ModbusException
{
    public ModbusExceptionResponseException(ModbusFunctionCode functionCode, ModbusExceptionCode exceptionCode)
        : base($"Device answered {functionCode} with exception 0x{(byte)exceptionCode:X2} ({exceptionCode}).")
    {
        FunctionCode = functionCode;
        ExceptionCode = exceptionCode;
    }

    public ModbusFunctionCode FunctionCode { get; }

    public ModbusExceptionCode ExceptionCode { get; }
}
