using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pinger.Server.Campaigns.Tests.Infrastructure;

/// <summary>
/// One HTTP/1.1 exchange over a plain socket, so a request can be anything (broken framing, bad bytes, a trickle):
/// the bytes are sent while the answer is read, and the result says which status came back, if any, and whether
/// the server closed the connection.
/// </summary>
internal static class RawHttp
{
    /// <summary>What came back: <see cref="Status"/> is 0 when the connection ended without an answer.</summary>
    public sealed record Answer(int Status, bool Closed, TimeSpan Elapsed, string Head);

    /// <summary>
    /// Sends <paramref name="request"/>: the first <paramref name="sendAtOnce"/> bytes at once, the rest one byte per
    /// <paramref name="trickle"/> (never, for <see cref="Timeout.InfiniteTimeSpan"/>); with <paramref name="halfClose"/>
    /// the sending side is shut down after the last byte. Waits at most <paramref name="timeout"/> for the server to
    /// answer and close.
    /// </summary>
    public static async Task<Answer> ExchangeAsync(
        Uri server, byte[] request, TimeSpan timeout, int sendAtOnce = int.MaxValue, TimeSpan trickle = default, bool halfClose = false)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Port)).ConfigureAwait(false);
        using var cancel = new CancellationTokenSource(timeout);
        var clock = Stopwatch.StartNew();
        var reading = ReadAsync(socket, cancel.Token);
        var sending = SendAsync(socket, request, Math.Min(sendAtOnce, request.Length), trickle, halfClose, cancel.Token);
        var (head, closed) = await reading.ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        await cancel.CancelAsync().ConfigureAwait(false);
        await sending.ConfigureAwait(false);
        return new Answer(StatusOf(head), closed, elapsed, head);
    }

    private static int StatusOf(string head) =>
        head.StartsWith("HTTP/1.", StringComparison.Ordinal) && head.Length >= 12 && int.TryParse(head.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            ? status
            : 0;

    private static async Task SendAsync(Socket socket, byte[] request, int atOnce, TimeSpan trickle, bool halfClose, CancellationToken cancel)
    {
        try
        {
            for (var sent = 0; sent < atOnce;)
            {
                sent += await socket.SendAsync(request.AsMemory(sent, Math.Min(64 * 1024, atOnce - sent)), SocketFlags.None, cancel).ConfigureAwait(false);
            }

            for (var i = atOnce; i < request.Length; i++)
            {
                await Task.Delay(trickle, cancel).ConfigureAwait(false);
                await socket.SendAsync(request.AsMemory(i, 1), SocketFlags.None, cancel).ConfigureAwait(false);
            }

            if (halfClose)
            {
                socket.Shutdown(SocketShutdown.Send);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The server closed the connection while we were sending (as after a 413), or time is up.
        }
    }

    // Reads until the server closes (or resets) the connection or time is up; the response head, and whether it closed.
    private static async Task<(string Head, bool Closed)> ReadAsync(Socket socket, CancellationToken cancel)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel).ConfigureAwait(false);
                if (read == 0)
                {
                    return (Head(received), true);
                }

                received.Write(buffer, 0, read);
            }
        }
        catch (SocketException)
        {
            return (Head(received), true);
        }
        catch (OperationCanceledException)
        {
            return (Head(received), false);
        }
    }

    private static string Head(MemoryStream received)
    {
        var text = Encoding.Latin1.GetString(received.GetBuffer(), 0, (int)received.Length);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}
