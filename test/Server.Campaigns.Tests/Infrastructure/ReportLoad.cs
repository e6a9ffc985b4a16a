using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Pinger.Server.Campaigns.Tests.Infrastructure;

/// <summary>
/// Clients that post reports as fast as they are answered until told to stop, recording each nonce as sent before
/// the request leaves and as acknowledged when a 2xx comes back.
/// </summary>
internal static class ReportLoad
{
    /// <summary>Runs <paramref name="clients"/> clients until <paramref name="stop"/> is cancelled.</summary>
    public static Task RunAsync(
        Uri server, ReportLedger ledger, int clients, double retryShare, bool distinct, CancellationToken stop, int seed = 0) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => ClientAsync(server, ledger, retryShare, distinct, new Random(seed * 1000 + i), stop))));

    /// <summary>Posts every nonce of <paramref name="nonces"/> again (as clients retry what was not acknowledged); the statuses seen.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> RetryAllAsync(Uri server, ReportLedger ledger, IReadOnlyList<string> nonces, bool distinct)
    {
        var next = -1;
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using var client = Client(server);
            int i;
            while ((i = Interlocked.Increment(ref next)) < nonces.Count)
            {
                using var response = await PostAsync(client, nonces[i], distinct, CancellationToken.None).ConfigureAwait(false);
                ledger.Record(nonces[i], response);
                statuses.AddOrUpdate(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
            }
        }))).ConfigureAwait(false);
        return statuses;
    }

    public static HttpClient Client(Uri server, Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>>? connect = null)
    {
        var handler = new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) };
        if (connect is not null)
        {
            handler.ConnectCallback = connect;
        }

        return new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string nonce, bool distinct, CancellationToken cancel) =>
        PostAsync(client, ReportBodies.Valid(nonce, distinct), cancel);

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, CancellationToken cancel)
    {
        using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        return await client.PostAsync(new Uri("/v1/reports", UriKind.Relative), content, cancel).ConfigureAwait(false);
    }

    private static async Task ClientAsync(Uri server, ReportLedger ledger, double retryShare, bool distinct, Random random, CancellationToken stop)
    {
        using var client = Client(server);
        while (!stop.IsCancellationRequested)
        {
            var nonce = ledger.Next(random, retryShare);
            ledger.MarkSent(nonce);
            try
            {
                // Not cancelled by stop: a request in flight runs to its answer or to the connection's end.
                using var response = await PostAsync(client, nonce, distinct, CancellationToken.None).ConfigureAwait(false);
                ledger.Record(nonce, response);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or SocketException or TaskCanceledException)
            {
                ledger.RecordNoAnswer();
                if (!stop.IsCancellationRequested)
                {
                    // The server is down (killed, or not yet back): do not spin.
                    await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
    }
}
