namespace Pinger.Host.Delivery;

/// <summary>
/// Sends one report-shaped request through a throw-away HTTP client whose only "connection" is a
/// <see cref="CannedAnswerStream"/>. The HTTP client's first request pays about 25 ms of one-time start-up, most of
/// it compiling code the framework does not ship precompiled (the async machinery of the connection pool and
/// HTTP/1.1 connection); paid here, on another thread while the config is read and the probes load, it is off the
/// real report's path. Nothing touches the network: the handler never opens a socket.
/// </summary>
internal static class HttpStackWarmUp
{
    private static readonly Uri Nowhere = new("http://warm-up.invalid/v1/reports");
    private static readonly byte[] Answer = "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"u8.ToArray();

    /// <summary>Starts the warm-up on the thread pool; the task never faults.</summary>
    public static Task Start() => Task.Run(RunAsync);

    private static async Task RunAsync()
    {
        try
        {
            using var handler = new SocketsHttpHandler
            {
                UseProxy = false,
                ConnectCallback = (_, _) => ValueTask.FromResult<Stream>(new CannedAnswerStream(Answer)),
            };
            using var client = new HttpClient(handler);
            using var message = ReportRequest.Create(Nowhere, []);
            using var response = await client.SendAsync(message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            // Only a lost head start: the real send works the same without it.
        }
    }
}
