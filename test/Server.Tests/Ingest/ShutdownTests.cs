using System.Net;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Ingest;

[TestClass]
public sealed class ShutdownTests
{
    [TestMethod]
    public async Task A_graceful_stop_commits_every_report_it_acknowledged()
    {
        using var directory = new TempDirectory { Keep = true };
        const int Sent = 400;
        int acknowledged;
        await using (var server = await TestServer.StartAsync(directory: directory))
        {
            var firstAcks = new TaskCompletionSource();
            var acks = 0;
            var requests = Enumerable.Range(0, Sent).Select(async _ =>
            {
                try
                {
                    using var response = await server.PostReportAsync(ReportJson.Minimal());
                    if (response.StatusCode == HttpStatusCode.NoContent && Interlocked.Increment(ref acks) == 20)
                    {
                        firstAcks.TrySetResult();
                    }
                }
                catch (HttpRequestException)
                {
                    // Refused or cut by the stop: not acknowledged, so the client would retry.
                }
            }).ToArray();
            await firstAcks.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await server.StopAsync();
            await Task.WhenAll(requests);
            acknowledged = acks;
        }

        await using (var restarted = await TestServer.StartAsync(directory: directory))
        {
            var counted = Totals.Reports(await Totals.AdminAsync(restarted.Client), "week");
            Assert.IsTrue(acknowledged <= counted && counted <= Sent, $"acknowledged {acknowledged}, counted {counted}, sent {Sent}");
        }

        directory.Keep = false;
    }
}
