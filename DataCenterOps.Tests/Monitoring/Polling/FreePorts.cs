using System.Net;
using System.Net.Sockets;

namespace DataCenterOps.Tests.Monitoring.Polling;

/// <summary>Loopback ports the OS just handed out, so parallel test hosts do not collide.</summary>
internal static class FreePorts
{
    public static int Udp()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    public static int Tcp()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
