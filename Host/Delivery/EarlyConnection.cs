using System.Net;
using System.Net.Sockets;

namespace Pinger.Host.Delivery;

/// <summary>
/// A TCP connection to where a report will go (the server, or the proxy that carries it), opened while the probes
/// run so that connecting is off the report's path. Only the first attempt may use it, and nothing is written on it
/// before the report; a failed early connect is that attempt's failure, as a connect at send time would have been.
/// </summary>
internal sealed class EarlyConnection : IDisposable
{
    private readonly Task<DnsEndPoint> _endPoint;
    private readonly Task<Socket> _connecting;
    private int _taken;

    private EarlyConnection(Func<DnsEndPoint> endPoint, TimeSpan timeout)
    {
        _endPoint = Task.Run(endPoint);
        _connecting = ConnectAsync(timeout);
    }

    /// <summary>Starts connecting to where a POST to <paramref name="url"/> through <paramref name="proxy"/> goes.</summary>
    public static EarlyConnection Start(Uri url, Func<IWebProxy?> proxy, TimeSpan timeout) =>
        new(() => TcpConnection.EndPointOf(proxy() is { } via && !via.IsBypassed(url) && via.GetProxy(url) is { } proxyUrl ? proxyUrl : url), timeout);

    /// <summary>
    /// The early connection's socket, once connected, when <paramref name="requested"/> is where it goes, no request
    /// took it before and the peer has not closed it meanwhile; null otherwise. The caller owns the socket.
    /// </summary>
    public async ValueTask<Socket?> TakeAsync(DnsEndPoint requested, CancellationToken cancellationToken)
    {
        DnsEndPoint endPoint;
        try
        {
            endPoint = await _endPoint.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }

        if (!TcpConnection.SameEndPoint(requested, endPoint) || Interlocked.Exchange(ref _taken, 1) != 0)
        {
            return null;
        }

        Socket socket;
        try
        {
            socket = await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Given up on while still connecting: the socket, once there, has no other owner.
            CloseWhenConnected();
            throw;
        }

        if (TcpConnection.IsClosedByPeer(socket))
        {
            // The server (or a middlebox) dropped the idle connection while the probes ran: connect anew instead.
            socket.Dispose();
            return null;
        }

        return socket;
    }

    /// <summary>Closes the connection if no request took it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _taken, 1) == 0)
        {
            CloseWhenConnected();
        }
    }

    private async Task<Socket> ConnectAsync(TimeSpan timeout) =>
        await TcpConnection.OpenAsync(await _endPoint.ConfigureAwait(false), timeout, CancellationToken.None).ConfigureAwait(false);

    private void CloseWhenConnected() => _connecting.ContinueWith(t => t.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
}
