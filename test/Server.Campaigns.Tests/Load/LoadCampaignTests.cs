using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using Pinger.Server.Campaigns.Tests.Infrastructure;

namespace Pinger.Server.Campaigns.Tests.Load;

/// <summary>
/// Sustained ingest into SQLite at 80% of the maximum measured first, one request in twenty an invalid report:
/// valid reports may fail at most 0.1% of the time, invalid ones get 422, and the server's memory stays flat. At full
/// size the maximum comes from wrk with bench/server/report.lua (as the BenchServer target measures it) and the run
/// lasts PINGER_CAMPAIGN_LOAD_MINUTES (10 by default); at CI size it is a few seconds against this loader's own
/// maximum, to keep the campaign working. Memory is judged only at full size or over at least
/// <see cref="MemoryCheckMinimum"/>: over a few seconds the runtime's warm-up is all a resident size shows.
/// </summary>
[TestClass]
public sealed class LoadCampaignTests
{
    private const double InvalidShare = 0.05;
    private const int MaxInFlight = 256;

    private static readonly TimeSpan MemoryCheckMinimum = TimeSpan.FromMinutes(5);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Sustained_ingest_at_80_percent_of_the_maximum_with_5_percent_invalid_reports_keeps_failures_under_0_1_percent_and_memory_flat()
    {
        using var directory = new CampaignDirectory("load");
        directory.ConfigureForCounting();
        using var server = await PublishedServer.StartAsync(directory.Arguments, new ServerLog());
        var (maximum, measuredWith) = await MaximumAsync(server.BaseAddress);
        var target = 0.8 * maximum;
        var duration = TimeSpan.FromMinutes(CampaignSize.Setting("PINGER_CAMPAIGN_LOAD_MINUTES", ci: 5.0 / 60, full: 10));

        var residentAtStart = server.ResidentKiB();
        var resident = new ConcurrentBag<long> { residentAtStart };
        var answers = new ConcurrentDictionary<string, int>();
        var (validSent, validFailed, invalidSent, invalidWrong, behind) = (0, 0, 0, 0, 0);
        using var client = ReportLoad.Client(server.BaseAddress);
        using var slots = new SemaphoreSlim(MaxInFlight);
        var inFlight = new List<Task>();
        var random = new Random(80);
        var clock = Stopwatch.StartNew();
        var nextSample = TimeSpan.FromSeconds(5);
        for (long i = 0; clock.Elapsed < duration; i++)
        {
            // Open loop: request i leaves at i / target seconds, however slowly earlier ones are answered.
            var due = TimeSpan.FromSeconds(i / target);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            if (clock.Elapsed >= nextSample)
            {
                resident.Add(server.ResidentKiB());
                nextSample += TimeSpan.FromSeconds(5);
                inFlight.RemoveAll(t => t.IsCompleted);
            }

            if (!slots.Wait(0))
            {
                behind++;
                continue;
            }

            var invalid = random.NextDouble() < InvalidShare;
            var body = ReportBodies.Valid(ReportBodies.NewNonce(), platform: invalid ? "not-a-platform" : "aws");
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    Interlocked.Increment(ref invalid ? ref invalidSent : ref validSent);
                    string key;
                    try
                    {
                        using var response = await ReportLoad.PostAsync(client, body, CancellationToken.None);
                        key = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                        if (invalid ? response.StatusCode != HttpStatusCode.UnprocessableEntity : !response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref invalid ? ref invalidWrong : ref validFailed);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        key = "no answer";
                        Interlocked.Increment(ref invalid ? ref invalidWrong : ref validFailed);
                    }

                    answers.AddOrUpdate(key, 1, (_, n) => n + 1);
                }
                finally
                {
                    slots.Release();
                }
            }));
        }

        await Task.WhenAll(inFlight);
        var elapsed = clock.Elapsed;
        var residentAtEnd = server.ResidentKiB();
        resident.Add(residentAtEnd);
        Assert.AreEqual(0, server.Terminate());

        const string Campaign = "load";
        Figures.Record(TestContext, Campaign, "maximum (req/s)", $"{maximum:F0} ({measuredWith})");
        Figures.Record(TestContext, Campaign, "target, 80% (req/s)", Math.Round(target));
        Figures.Record(TestContext, Campaign, "achieved (req/s)", Math.Round((validSent + invalidSent) / elapsed.TotalSeconds));
        Figures.Record(TestContext, Campaign, "minutes", elapsed.TotalMinutes);
        Figures.Record(TestContext, Campaign, "valid reports sent", validSent);
        Figures.Record(TestContext, Campaign, "valid reports not acknowledged", validFailed);
        Figures.Record(TestContext, Campaign, "invalid reports sent (5%)", invalidSent);
        Figures.Record(TestContext, Campaign, "invalid reports not answered 422", invalidWrong);
        Figures.Record(TestContext, Campaign, "requests skipped, loader at its in-flight cap", behind);
        Figures.Record(TestContext, Campaign, "answers", Figures.Distribution(answers));
        Figures.Record(TestContext, Campaign, "server RSS at start / end / max (MiB)", $"{residentAtStart / 1024} / {residentAtEnd / 1024} / {resident.Max() / 1024}");

        Assert.IsLessThanOrEqualTo(0.001 * validSent, validFailed, $"valid reports not acknowledged: {Figures.Distribution(answers)}");
        Assert.AreEqual(0, invalidWrong, $"invalid reports answered otherwise than 422: {Figures.Distribution(answers)}");
        if (CampaignSize.Full || elapsed >= MemoryCheckMinimum)
        {
            Assert.IsLessThanOrEqualTo(Math.Max(residentAtStart * 3 / 2, residentAtStart + 64 * 1024), residentAtEnd, "memory grew under a steady load");
        }
    }

    // wrk at full size when it is installed, as the BenchServer target runs it; otherwise this loader, closed loop.
    private static async Task<(double PerSecond, string With)> MaximumAsync(Uri server)
    {
        if (CampaignSize.Full && File.Exists("/usr/bin/wrk"))
        {
            var script = Path.Combine(RepositoryRoot, "bench/server/report.lua");
            var start = new ProcessStartInfo("/usr/bin/wrk", $"-t1 -c32 -d15s -s {script} {server}v1/reports") { RedirectStandardOutput = true };
            using var wrk = Process.Start(start)!;
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            var line = output.Split('\n').First(l => l.StartsWith("Requests/sec:", StringComparison.Ordinal));
            return (double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture), "wrk -t1 -c32 -d15s, bench/server/report.lua");
        }

        var seconds = CampaignSize.Pick(ci: 3, full: 15);
        var ledger = new ReportLedger();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await ReportLoad.RunAsync(server, ledger, clients: 32, retryShare: 0, distinct: false, stop.Token);
        return (ledger.Acknowledged / (double)seconds, $"this loader, 32 clients, {seconds} s");
    }

    private static string RepositoryRoot =>
        typeof(LoadCampaignTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}
