namespace DataCenterOps.Monitoring.Modbus;

/// <summary>A reply that breaks the protocol or does not answer the question asked; the connection is dropped.</summary>
public sealed class ModbusProtocolException : ModbusException
{
    public ModbusProtocolException(string message)
        : base(message)
    {
    }

    public ModbusProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
