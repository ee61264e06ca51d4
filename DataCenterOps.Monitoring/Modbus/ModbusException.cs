namespace DataCenterOps.Monitoring.Modbus;

/// <summary>Base of every error the Modbus client raises; callers that only count failures catch this.</summary>
public abstract class ModbusException : Exception
{
    protected ModbusException(string message)
        : base(message)
    {
    }

    protected ModbusException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
