using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Pinger.Host.Campaigns.Tests.Infrastructure;

namespace Pinger.Host.Campaigns.Tests.NetworkFaults;

/// <summary>
/// <c>pinger run</c>, twice in the same windows, against each way a server can fail: every run makes at most three
/// attempts and waits between them no longer than its sending budget (as the client accounts them, not as a busy
/// machine's clock shows them), exits 0 with the report left due, and no window counts more than one report, even
/// when a report arrived and only its answer was lost (the second run resends the same nonce). What the faulty server
/// lets through goes to a real published <c>pinger-server</c>, whose counts, read through its admin API, judge it.
/// </summary>
[TestClass]
public sealed partial class NetworkFaultCampaignTests
{
    private const int BudgetSeconds = 5;

    private const int MostAttempts = 3;

    public TestContext TestContext { get; set; } = null!;

    public static IEnumerable<object[]> Faults =>
    [
        ["connection refused", null!],
        ["black hole", Fault.BlackHole],
        ["reset mid-request", Fault.ResetMidRequest],
        ["slow headers", Fault.SlowHeaders],
        ["slow body", Fault.SlowBody],
        ["HTTP 503", Fault.ServerError],
        ["HTTP 429, Retry-After: 1", Fault.RateLimited],
        ["answer lost, then accepted", Fault.LostAnswer],
    ];

    [TestMethod]
    public async Task Every_fault_keeps_attempts_and_waits_within_the_budget_and_no_window_counts_more_than_one_report()
    {
        var rounds = CampaignSize.Pick(ci: 1, full: 5);
        var results = new ConcurrentBag<(string Fault, FaultOutcome Outcome)>();
        using var slots = new SemaphoreSlim(4);
        var runs = Enumerable.Range(0, rounds).SelectMany(_ => Faults).Select(async row =>
        {
            await slots.WaitAsync();
            try
            {
                results.Add(((string)row[0], await RunTwiceAsync((Fault?)row[1])));
            }
            finally
            {
                slots.Release();
            }
        });
        await Task.WhenAll(runs);

        var problems = new List<string>();
        foreach (var group in results.GroupBy(r => r.Fault).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var outcomes = group.Select(g => g.Outcome).ToList();
            var slowest = outcomes.SelectMany(o => o.Runs).Max(r => r.Elapsed.TotalSeconds);
            Figures.Record(TestContext, "client faults", $"{group.Key}: runs, slowest run (s) vs budget {BudgetSeconds} s, most reports counted in a window, reports received in full",
                $"{outcomes.Count * 2}, {slowest:F1}, {outcomes.Max(o => o.MostCounted)}, {outcomes.Sum(o => o.Requests)}");
            problems.AddRange(outcomes.SelectMany(o => o.Problems).Select(p => $"{group.Key}: {p}"));
        }

        Assert.IsEmpty(problems, string.Join("\n\n", problems));
    }

    private static async Task<FaultOutcome> RunTwiceAsync(Fault? fault)
    {
        // A lost answer is lost for the three attempts of the first run; the second run's resend is accepted.
        using var realDirectory = new ServerDirectory();
        await using var real = await RunningServer.StartAsync(realDirectory);
        using var server = fault is { } f ? new FaultyServer(n => f == Fault.LostAnswer && n > 3 ? Fault.Accept : f, real.BaseAddress) : null;
        var url = server?.Url ?? RefusingUrl();
        using var machine = new Machine();
        Directory.CreateDirectory(machine.ConfigDirectory);
        await File.WriteAllTextAsync(Path.Combine(machine.ConfigDirectory, "50-campaign.toml"),
            $"[reporting]\nlevel = \"minimal\"\nserver = \"{url}\"\ntimeout_seconds = {BudgetSeconds}\n");

        var runs = new List<PingerRun>();
        // The real clock, which the real server checks the windows against; both runs fall in the same windows.
        for (var i = 0; i < 2; i++)
        {
            runs.Add(await PublishedPinger.RunAsync(null,
                "run", "--root", PublishedPinger.FixtureRoot("fcos-aws"), "--config-dir", machine.ConfigDirectory,
                "--state-dir", machine.StateDirectory, "--runtime-dir", machine.RuntimeDirectory));
        }

        var problems = new List<string>();
        foreach (var run in runs)
        {
            // Under heavy load a probe plugin can miss its own load or run budget: that is exit 4 with the probe named,
            // a matter for the probe tests. This campaign is about the network; any other status is a failure here.
            var probeLeftOut = run.ExitCode == 4 && (run.Errors.Contains("within the load budget", StringComparison.Ordinal) || run.Errors.Contains("did not finish within its budget", StringComparison.Ordinal));
            if (run.ExitCode != 0 && !probeLeftOut)
            {
                problems.Add("a run did not exit 0: " + run);
            }

            if (NotReached().Match(run.Errors) is { Success: true } accounted)
            {
                var attempts = int.Parse(accounted.Groups["attempts"].Value, CultureInfo.InvariantCulture);
                var waited = double.Parse(accounted.Groups["waited"].Value, CultureInfo.InvariantCulture);
                if (attempts is < 1 or > MostAttempts || waited >= BudgetSeconds)
                {
                    problems.Add($"a run made {attempts} attempt(s) and waited {waited} s between them with a {BudgetSeconds} s budget: {run}");
                }
            }
            else if (run.Errors.Contains("not reached", StringComparison.Ordinal))
            {
                problems.Add("a run that did not reach the server did not say how many attempts it made and how long it waited: " + run);
            }
        }

        var totals = await AdminTotals.ReadAsync(real.BaseAddress);
        var counted = new[] { "day", "week", "month" }.ToDictionary(kind => kind, kind => totals.Reports(kind));
        if (counted.Values.Any(c => c > 1))
        {
            problems.Add("a window counted more than one report: " + string.Join(", ", counted) + $"\n{totals}");
        }

        var nonces = server?.Reports.Select(r => r.Nonce).Distinct().Count() ?? 0;
        if (nonces > 1)
        {
            problems.Add($"{nonces} nonces for the same windows: a retry must resend the same report");
        }

        if (fault == Fault.LostAnswer)
        {
            if (counted.Values.Any(c => c != 1) || !runs[1].Errors.Contains("report accepted", StringComparison.Ordinal))
            {
                problems.Add("the report whose answer was lost was not counted exactly once in each window after the second run: " + string.Join(", ", counted) + "\n" + runs[1]);
            }
        }
        else if (!runs.All(r => r.Errors.Contains("not reached", StringComparison.Ordinal)))
        {
            problems.Add("a run did not say the server was not reached:\n" + string.Join("\n", runs));
        }

        return new FaultOutcome(runs, counted.Values.Max(), server?.Reports.Count ?? 0, problems);
    }

    private static Uri RefusingUrl()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    [GeneratedRegex(@"not reached \(.*\) after (?<attempts>[0-9]+) attempt\(s\) and (?<waited>[0-9.]+) s of waiting between them")]
    private static partial Regex NotReached();

    private sealed record FaultOutcome(IReadOnlyList<PingerRun> Runs, long MostCounted, int Requests, IReadOnlyList<string> Problems);
}
