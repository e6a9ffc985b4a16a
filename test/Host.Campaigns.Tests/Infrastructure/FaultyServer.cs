using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Net;
using System.Text.Json;
using System.Text;

namespace Pinger.Host.Campaigns.Tests.Infrastructure;

/// <summary>How a <see cref="FaultyServer"/> treats one request, by its number (from 1).</summary>
internal enum Fault
{
    /// <summary>Accepts the connection and never reads or answers.</summary>
    BlackHole,

    /// <summary>Reads the headers and part of the body, then resets the connection.</summary>
    ResetMidRequest,

    /// <summary>Reads the whole request and trickles its status line, a byte every half second, never finishing.</summary>
    SlowHeaders,

    /// <summary>Reads the whole request, answers 200 with a 1000-byte body, and trickles the body.</summary>
    SlowBody,

    /// <summary>Answers 503.</summary>
    ServerError,

    /// <summary>Answers 429 with Retry-After: 1.</summary>
    RateLimited,

    /// <summary>Reads the whole request, forwards it to the real server, then resets: the real server's answer is lost.</summary>
    LostAnswer,

    /// <summary>Forwards the report to the real server and passes its answer on.</summary>
    Accept,
}

/// <summary>One report the faulty server took in full, and whether it forwarded it to the real server.</summary>
internal sealed record ReceivedReport(string Nonce, bool Forwarded);

/// <summary>
/// An HTTP/1.1 server on a loopback port, on raw sockets so it can fail the way networks and servers do (hang, reset,
/// trickle, lose an answer). It counts nothing itself: a report it lets through (<see cref="Fault.Accept"/>,
/// <see cref="Fault.LostAnswer"/>) is forwarded to a real <c>pinger-server</c>, whose counts judge the campaign.
/// </summary>
internal sealed class FaultyServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, Fault> _faultOf;
    private readonly HttpClient? _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Socket> _open = [];
    private int _requests;
    private int _connections;

    /// <summary>
    /// A faulty server treating request n as <paramref name="faultOf"/>(n); what it lets through goes to
    /// <paramref name="upstream"/>. Without one (for tests that only watch whether anything connects) it answers 204.
    /// </summary>
    public FaultyServer(Func<int, Fault> faultOf, Uri? upstream = null)
    {
        _faultOf = faultOf;
        _upstream = upstream is null ? null : new HttpClient { BaseAddress = upstream, Timeout = TimeSpan.FromMinutes(1) };
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Connections => Volatile.Read(ref _connections);

    public ConcurrentQueue<ReceivedReport> Reports { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var socket in _open)
        {
            socket.Dispose();
        }

        _stop.Dispose();
        _upstream?.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                _open.Add(socket);
                _ = ServeAsync(socket);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            var stream = new NetworkStream(socket, ownsSocket: false);
            var buffer = new List<byte>();
            while (true)
            {
                var number = Interlocked.Increment(ref _requests);
                var fault = _faultOf(number);
                if (fault == Fault.BlackHole)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }

                var (headers, length) = await ReadHeadersAsync(stream, buffer);
                if (headers is null)
                {
                    return;
                }

                if (fault == Fault.ResetMidRequest)
                {
                    await ReadBodyAsync(stream, buffer, Math.Min(length, 16));
                    Reset(socket);
                    return;
                }

                var body = await ReadBodyAsync(stream, buffer, length);
                var forwarded = fault is Fault.Accept or Fault.LostAnswer;
                Reports.Enqueue(Parse(body, forwarded));
                var status = forwarded ? await ForwardAsync(headers, body) : 0;
                switch (fault)
                {
                    case Fault.LostAnswer:
                        Reset(socket);
                        return;
                    case Fault.Accept:
                        await AnswerAsync(stream, $"{status} {(status == 204 ? "No Content" : "Forwarded")}", string.Empty);
                        break;
                    case Fault.SlowHeaders:
                        await TrickleAsync(stream, "HTTP/1.1 204 No Content\r\nX-Padding: " + new string('x', 500));
                        return;
                    case Fault.SlowBody:
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n"), _stop.Token);
                        await TrickleAsync(stream, new string('x', 1000));
                        return;
                    case Fault.ServerError:
                        await AnswerAsync(stream, "503 Service Unavailable", string.Empty);
                        break;
                    case Fault.RateLimited:
                        await AnswerAsync(stream, "429 Too Many Requests", "Retry-After: 1\r\n");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            socket.Dispose();
        }
    }

    private static ReceivedReport Parse(byte[] body, bool forwarded)
    {
        using var report = JsonDocument.Parse(body);
        return new ReceivedReport(report.RootElement.GetProperty("nonce").GetString()!, forwarded);
    }

    // The report as the client sent it (body, content type, User-Agent); the real server's status once it answered.
    private async Task<int> ForwardAsync(string headers, byte[] body)
    {
        if (_upstream is null)
        {
            return 204;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/reports") { Content = new ByteArrayContent(body) };
        foreach (var line in headers.Split("\r\n").Skip(1))
        {
            if (line.Split(':', 2) is [var name, var value])
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    request.Content.Headers.TryAddWithoutValidation(name, value.Trim());
                }
                else if (name.Equals("User-Agent", StringComparison.OrdinalIgnoreCase))
                {
                    request.Headers.TryAddWithoutValidation(name, value.Trim());
                }
            }
        }

        using var response = await _upstream.SendAsync(request, _stop.Token);
        return (int)response.StatusCode;
    }

    private async Task<(string? Headers, int Length)> ReadHeadersAsync(NetworkStream stream, List<byte> buffer)
    {
        var chunk = new byte[4096];
        while (true)
        {
            var text = Encoding.ASCII.GetString(buffer.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                buffer.RemoveRange(0, end + 4);
                var headers = text[..end];
                var length = headers.Split("\r\n")
                    .Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
                    .SingleOrDefault();
                return (headers, length);
            }

            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                return (null, 0);
            }

            buffer.AddRange(chunk.AsSpan(0, read).ToArray());
        }
    }

    private async Task<byte[]> ReadBodyAsync(NetworkStream stream, List<byte> buffer, int length)
    {
        var chunk = new byte[4096];
        while (buffer.Count < length)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                throw new IOException("the client closed the connection inside the body");
            }

            buffer.AddRange(chunk.AsSpan(0, read).ToArray());
        }

        var body = buffer.Take(length).ToArray();
        buffer.RemoveRange(0, length);
        return body;
    }

    private async Task AnswerAsync(NetworkStream stream, string status, string headers) =>
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\n{headers}Content-Length: 0\r\n\r\n"), _stop.Token);

    private async Task TrickleAsync(NetworkStream stream, string text)
    {
        foreach (var b in Encoding.ASCII.GetBytes(text))
        {
            await stream.WriteAsync(new[] { b }, _stop.Token);
            await Task.Delay(500, _stop.Token);
        }
    }

    // An RST instead of a FIN: the client sees "connection reset by peer".
    private static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }
}
