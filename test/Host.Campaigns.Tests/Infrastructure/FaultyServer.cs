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

    /// <summary>Reads the whole request, counts it (as a server that committed it), then resets: the answer is lost.</summary>
    LostAnswer,

    /// <summary>Counts the report and answers 204.</summary>
    Accept,
}

/// <summary>One report the server took in full, and whether it counted it.</summary>
internal sealed record ReceivedReport(string Nonce, IReadOnlyList<string> Windows, bool Counted);

/// <summary>
/// An HTTP/1.1 server on a loopback port, on raw sockets so it can fail the way networks and servers do (hang, reset,
/// trickle, lose an answer). It counts reports as pinger-server does: once per nonce and window.
/// </summary>
internal sealed class FaultyServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, Fault> _faultOf;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Socket> _open = [];
    private int _requests;
    private int _connections;

    public FaultyServer(Func<int, Fault> faultOf)
    {
        _faultOf = faultOf;
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Connections => Volatile.Read(ref _connections);

    public ConcurrentQueue<ReceivedReport> Reports { get; } = new();

    /// <summary>Reports counted per window ("day 2026-11-27"): distinct nonces, as the server keeps them.</summary>
    public IReadOnlyDictionary<string, int> CountedPerWindow() =>
        Reports.Where(r => r.Counted)
            .SelectMany(r => r.Windows.Select(w => (Window: w, r.Nonce)))
            .Distinct()
            .GroupBy(p => p.Window)
            .ToDictionary(g => g.Key, g => g.Count());

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var socket in _open)
        {
            socket.Dispose();
        }

        _stop.Dispose();
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
                var report = Parse(body, counted: fault is Fault.Accept or Fault.LostAnswer);
                Reports.Enqueue(report);
                switch (fault)
                {
                    case Fault.LostAnswer:
                        Reset(socket);
                        return;
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
                    default:
                        await AnswerAsync(stream, "204 No Content", string.Empty);
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

    private static ReceivedReport Parse(byte[] body, bool counted)
    {
        using var report = JsonDocument.Parse(body);
        var windows = report.RootElement.GetProperty("windows").EnumerateObject().Select(w => $"{w.Name} {w.Value.GetString()}").ToArray();
        return new ReceivedReport(report.RootElement.GetProperty("nonce").GetString()!, windows, counted);
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
