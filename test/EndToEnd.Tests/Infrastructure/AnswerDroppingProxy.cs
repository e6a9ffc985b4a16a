using System.Net;
using System.Net.Sockets;

namespace Pinger.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A TCP proxy on a loopback port in front of a real server. For the first <c>dropAnswers</c> connections it
/// forwards the request, waits for the server's answer to begin (the server answers once the report is committed),
/// throws the answer away and resets the client's connection: the report arrived, the client cannot know it. Later
/// connections are forwarded both ways.
/// </summary>
internal sealed class AnswerDroppingProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _upstream;
    private readonly CancellationTokenSource _stop = new();
    private int _toDrop;
    private int _dropped;
    private int _connections;

    public AnswerDroppingProxy(Uri upstream, int dropAnswers)
    {
        _upstream = upstream;
        _toDrop = dropAnswers;
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Answers the server gave that the client never saw.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>From now on, forwards every answer.</summary>
    public void StopDropping() => Volatile.Write(ref _toDrop, 0);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
                Interlocked.Increment(ref _connections);
                _ = ServeAsync(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await upstream.ConnectAsync(_upstream.Host, _upstream.Port, _stop.Token).ConfigureAwait(false);
            var drop = Interlocked.Decrement(ref _toDrop) >= 0;
            var requests = PumpAsync(client, upstream);
            if (drop)
            {
                // The first bytes of the answer: the server has counted the report.
                var buffer = new byte[1];
                if (await upstream.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false) > 0)
                {
                    Interlocked.Increment(ref _dropped);
                }

                Reset(client);
                return;
            }

            await Task.WhenAll(requests, PumpAsync(upstream, client)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
        {
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), _stop.Token).ConfigureAwait(false);
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    // An RST instead of a FIN: the client sees "connection reset by peer", never an answer.
    private static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }
}
