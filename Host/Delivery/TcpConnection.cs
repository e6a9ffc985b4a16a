using System.Net;
using System.Net.Sockets;

namespace Pinger.Host.Delivery;

/// <summary>Opens TCP connections the way the HTTP client's own default does: every address of the name, no delay.</summary>
internal static class TcpConnection
{
    /// <summary>Connects to <paramref name="endPoint"/>, giving up after <paramref name="timeout"/>.</summary>
    public static async Task<Socket> OpenAsync(DnsEndPoint endPoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // An address literal is connected to directly: the name-resolution path costs milliseconds of start-up.
            if (IPAddress.TryParse(endPoint.Host, out var address))
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), limit.Token).ConfigureAwait(false);
            }
            else
            {
                await socket.ConnectAsync(endPoint, limit.Token).ConfigureAwait(false);
            }

            return socket;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new SocketException((int)SocketError.TimedOut);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether the peer closed <paramref name="socket"/>, on a connection where it is not expected to send anything
    /// yet: then a readable socket with no data means end of stream (or a reset).
    /// </summary>
    public static bool IsClosedByPeer(Socket socket)
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    /// <summary>The host and port a connection for <paramref name="url"/> goes to, named as the HTTP client names it.</summary>
    public static DnsEndPoint EndPointOf(Uri url) => new(HostName(url.IdnHost), url.Port);

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> name the same host and port, IPv6 brackets or not.</summary>
    public static bool SameEndPoint(DnsEndPoint a, DnsEndPoint b) =>
        a.Port == b.Port && string.Equals(HostName(a.Host), HostName(b.Host), StringComparison.OrdinalIgnoreCase);

    private static string HostName(string host) => host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
}
