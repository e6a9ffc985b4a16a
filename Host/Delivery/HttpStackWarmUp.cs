namespace Pinger.Host.Delivery;

/// <summary>
/// Sends one request through a throw-away HTTP client whose only "connection" is a <see cref="CannedAnswerStream"/>.
/// The HTTP client's first request pays about 20 ms of one-time start-up (connection pool, header writing, response
/// parsing); paid here, on another thread while the probes run, it is off the real report's path. Nothing touches
/// the network: the handler never opens a socket.
/// </summary>
internal static class HttpStackWarmUp
{
    private static readonly Uri Nowhere = new("http://warm-up.invalid/v1/reports");
    private static readonly byte[] Answer = "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"u8.ToArray();

    /// <summary>Runs one request built by <paramref name="request"/> (given the URL to use); never throws.</summary>
    public static async Task RunAsync(Func<Uri, HttpRequestMessage> request)
    {
        try
        {
            using var handler = new SocketsHttpHandler
            {
                UseProxy = false,
                ConnectCallback = (_, _) => ValueTask.FromResult<Stream>(new CannedAnswerStream(Answer)),
            };
            using var client = new HttpClient(handler);
            using var message = request(Nowhere);
            using var response = await client.SendAsync(message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            // Only a lost head start: the real send works the same without it.
        }
    }
}
