using DataCenterOps.Monitoring.Devices;

namespace DataCenterOps.Monitoring.Commissioning;

/// <summary>A probe address as the command takes it — <c>snmp://HOST[:PORT]</c> or <c>modbus://HOST[:PORT][?unit=N]</c> — turned into device settings.</summary>
public static class ProbeAddress
{
    /// <summary>Protocol, host, port (161 / 502 by default) and the Modbus unit id; credentials are set by the caller.</summary>
    /// <exception cref="ProbeUsageException">Not such an address (another scheme, a path, credentials in it, an unknown query).</exception>
    public static DeviceOptions Parse(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return ProbeRequest.FromUrl(address.Trim());
    }
}
