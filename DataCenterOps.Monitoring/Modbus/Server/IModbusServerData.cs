namespace DataCenterOps.Monitoring.Modbus.Server;

/// <summary>What a <see cref="ModbusTcpServer"/> serves: the unit behind each unit id.</summary>
public interface IModbusServerData
{
    /// <summary>The unit for <paramref name="unitId"/>, or null to answer exception 0x0B (gateway target failed to respond).</summary>
    IModbusUnit? Resolve(byte unitId);
}
