using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using Pinger.Protocol.Windows;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Ingest;

[TestClass]
public sealed class CrashTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task After_kill_9_while_clients_stream_reports_every_acknowledged_report_is_counted_and_nothing_twice()
    {
        using var directory = new TempDirectory();
        var args = await PrepareAsync(directory);
        var (sent, acknowledged) = await StreamUntilAsync(args, server => server.KillHard());

        var counted = await CountedAsync(args);
        TestContext.WriteLine($"acknowledged {acknowledged}, counted {counted}, sent {sent}");
        Assert.IsTrue(acknowledged <= counted && counted <= sent, $"acknowledged {acknowledged}, counted {counted}, sent {sent}");
    }

    [TestMethod]
    public async Task SIGTERM_while_clients_stream_reports_exits_0_after_committing_every_acknowledged_report()
    {
        using var directory = new TempDirectory();
        var args = await PrepareAsync(directory);

        // The host's own schema file, named directly, instead of a directory.
        args[^1] = Path.Combine(args[^1], "10-test.json");
        args[^2] = "--schema-file";
        var exitCode = -1;
        var (sent, acknowledged) = await StreamUntilAsync(args, server => exitCode = server.Terminate());

        var counted = await CountedAsync(args);
        TestContext.WriteLine($"exit code {exitCode}, acknowledged {acknowledged}, counted {counted}, sent {sent}");
        Assert.AreEqual(0, exitCode);
        Assert.IsTrue(acknowledged <= counted && counted <= sent, $"acknowledged {acknowledged}, counted {counted}, sent {sent}");
    }

    private static async Task<string[]> PrepareAsync(TempDirectory directory)
    {
        var schema = Directory.CreateDirectory(Path.Combine(directory.Path, "schema.d")).FullName;
        await File.WriteAllTextAsync(Path.Combine(schema, "10-test.json"), TestSchema.Json(TestSchema.Standard));
        var config = Directory.CreateDirectory(Path.Combine(directory.Path, "config.d")).FullName;
        var token = Path.Combine(directory.Path, "admin-token");
        await File.WriteAllTextAsync(token, Totals.AdminToken);
        File.SetUnixFileMode(token, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(Path.Combine(config, "10-test.toml"), $"[ingest]\nrate_limit_per_minute = 0\n[admin]\ntoken_file = \"{token}\"\n");
        return ["--state-dir", Path.Combine(directory.Path, "state"), "--config-dir", config, "--schema-dir", schema];
    }

    // Eight clients send reports until 300 are acknowledged, then the server is stopped while they keep sending.
    private static async Task<(int Sent, int Acknowledged)> StreamUntilAsync(string[] args, Action<ServerProcess> stop)
    {
        var (sent, acknowledged) = (0, 0);
        using var server = await ServerProcess.StartAsync(args);
        using var done = new CancellationTokenSource();
        var enough = new TaskCompletionSource();
        var clients = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = server.BaseAddress };
            while (!done.IsCancellationRequested)
            {
                Interlocked.Increment(ref sent);
                try
                {
                    using var response = await client.PostAsync("/v1/reports", new StringContent(ReportForNow(), Encoding.UTF8, "application/json"));
                    if (response.StatusCode == HttpStatusCode.NoContent && Interlocked.Increment(ref acknowledged) >= 300)
                    {
                        enough.TrySetResult();
                    }
                }
                catch (HttpRequestException)
                {
                    return;
                }
            }
        })).ToArray();

        await enough.Task.WaitAsync(TimeSpan.FromSeconds(120));
        stop(server);
        done.Cancel();
        await Task.WhenAll(clients);
        return (sent, acknowledged);
    }

    private static async Task<long> CountedAsync(string[] args)
    {
        using var restarted = await ServerProcess.StartAsync(args);
        using var admin = new HttpClient { BaseAddress = restarted.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Totals.AdminToken);
        var totals = JsonNode.Parse(await admin.GetStringAsync("/v1/admin/totals?window=week"))!.AsObject();
        return Totals.Reports(totals, "week");
    }

    // The child process runs on the real clock, so its reports name the real current windows.
    private static string ReportForNow()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return ReportJson.Minimal(change: r => r["windows"] = new JsonObject
        {
            ["day"] = Text(CountingCalendar.StartOf(WindowKind.Day, today)),
            ["week"] = Text(CountingCalendar.StartOf(WindowKind.Week, today)),
        });
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
