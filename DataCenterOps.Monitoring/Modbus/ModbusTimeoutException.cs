namespace DataCenterOps.Monitoring.Modbus;

/// <summary>No complete reply arrived within the configured timeout; the connection is dropped.</summary>
public sealed class ModbusTimeoutException : ModbusException
{
    public ModbusTimeoutException(string message)
        : base(message)
    {
    }

    public ModbusTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
