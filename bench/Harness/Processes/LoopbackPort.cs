using System.Net;
using System.Net.Sockets;

namespace Pinger.Bench.Harness.Processes;

/// <summary>A loopback port nothing listens on at the moment.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
