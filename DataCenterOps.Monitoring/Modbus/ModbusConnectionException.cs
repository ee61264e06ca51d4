namespace DataCenterOps.Monitoring.Modbus;

/// <summary>The device could not be reached, closed the connection, or is inside its reconnect backoff.</summary>
public sealed class ModbusConnectionException : ModbusException
{
    public ModbusConnectionException(string message, Exception? innerException = null, TimeSpan? retryAfter = null)
        : base(message, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>Set when no attempt was made because of the reconnect backoff: the wait before the next attempt.</summary>
    public TimeSpan? RetryAfter { get; }
}
