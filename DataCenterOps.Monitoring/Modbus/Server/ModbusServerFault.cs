namespace DataCenterOps.Monitoring.Modbus.Server;

/// <summary>Faults a simulated unit can show, for testing what the poller does with a bad device.</summary>
public enum ModbusServerFault
{
    None,

    /// <summary>Reads requests and never answers.</summary>
    Silent,

    /// <summary>Answers with corrupt frames: wrong transaction id, byte-count lie, MBAP length lie or random bytes.</summary>
    Garbage,
}
