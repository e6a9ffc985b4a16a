using System.Net;
using System.Net.Sockets;

namespace Pinger.Host.Tests.Delivery;

/// <summary>
/// A loopback listener that never accepts and whose backlog is already full: Linux drops further SYNs, so a new
/// connection to it stays "connecting" until the client gives up. Nothing leaves the machine.
/// </summary>
internal sealed class UnacceptedConnections : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _fillers = [];

    public UnacceptedConnections()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(0);
        var port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        // A backlog of 0 holds one connection; a second one fills it past doubt.
        for (var i = 0; i < 2; i++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
            try
            {
                filler.Connect(IPAddress.Loopback, port);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
            {
            }

            _fillers.Add(filler);
        }

        Url = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Url { get; }

    public void Dispose()
    {
        foreach (var filler in _fillers)
        {
            filler.Dispose();
        }

        _listener.Dispose();
    }
}
