using System.Net;
using System.Net.Sockets;

namespace DataCenterOps.Tests.Monitoring.Snmp;

internal static class UdpPorts
{
    /// <summary>A loopback UDP port that was free a moment ago (the OS picks it, so parallel tests do not collide).</summary>
    public static int FindFree()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
