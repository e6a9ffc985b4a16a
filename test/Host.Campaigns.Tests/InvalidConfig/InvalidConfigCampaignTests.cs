using System.Collections.Concurrent;
using Pinger.Host.Campaigns.Tests.Infrastructure;

namespace Pinger.Host.Campaigns.Tests.InvalidConfig;

/// <summary>
/// Every configuration of <see cref="InvalidConfigCorpus"/> is refused by <c>pinger check-config</c>,
/// <c>pinger --dry-run</c> and <c>pinger run</c> with exit status 3 and an error naming the file and the line, and
/// nothing reaches the loopback server the valid default names.
/// </summary>
[TestClass]
public sealed class InvalidConfigCampaignTests
{
    private static readonly string[][] Commands = [["check-config"], ["--dry-run"], ["run"]];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void The_corpus_holds_at_least_50_distinct_invalid_configs()
    {
        var names = InvalidConfigCorpus.Cases.Select(c => c.Name).ToList();
        Assert.IsGreaterThanOrEqualTo(50, names.Count);
        Assert.HasCount(names.Count, names.Distinct(StringComparer.Ordinal), "every case has its own name");
    }

    [TestMethod]
    public async Task Every_invalid_config_exits_3_naming_the_file_and_line_and_nothing_is_sent()
    {
        var rounds = CampaignSize.Pick(ci: 1, full: 3);
        using var server = new FaultyServer(_ => Fault.Accept);
        var problems = new ConcurrentBag<string>();
        var seconds = new ConcurrentBag<double>();
        using var slots = new SemaphoreSlim(2);
        var work = Enumerable.Range(0, rounds).SelectMany(_ => InvalidConfigCorpus.Cases).Select(async @case =>
        {
            await slots.WaitAsync();
            try
            {
                using var machine = new Machine();
                InvalidConfigCorpus.WriteDefaults(machine, server.Url);
                @case.Write(machine);
                var named = $"{machine.HostPath(@case.File)}:{@case.Line}:";
                foreach (var command in Commands)
                {
                    var run = await PublishedPinger.RunAsync(new Dictionary<string, string> { ["PINGER_NOW"] = "2026-11-27T10:00:00Z" },
                        [.. command, "--root", machine.Root, "--state-dir", machine.StateDirectory, "--runtime-dir", machine.RuntimeDirectory]);
                    seconds.Add(run.Elapsed.TotalSeconds);
                    if (run.ExitCode != 3 || !run.Errors.Contains(named, StringComparison.Ordinal)
                        || (@case.NotNamed is { } hidden && run.Errors.Contains(machine.HostPath(hidden), StringComparison.Ordinal))
                        || (command[0] != "check-config" && run.Output.Length > 0))
                    {
                        problems.Add($"{@case.Name} ({command[0]}): expected exit 3 and an error at {named}\n{run}");
                    }
                }
            }
            finally
            {
                slots.Release();
            }
        });
        await Task.WhenAll(work);

        var runs = seconds.Count;
        Figures.Record(TestContext, "client faults", "invalid configs: distinct configs, runs (check-config, --dry-run, run), rejected with exit 3 and file:line, connections",
            $"{InvalidConfigCorpus.Cases.Count}, {runs}, {runs - problems.Count}, {server.Connections}");
        Figures.Record(TestContext, "client faults", "invalid configs: median and slowest run (s)",
            $"{seconds.Order().ElementAt(runs / 2):F2}, {seconds.Max():F2}");
        Assert.IsEmpty(problems, $"{problems.Count} of {runs} runs:\n\n" + string.Join("\n\n", problems.Take(15)));
        Assert.AreEqual(0, server.Connections, "an invalid configuration sends nothing");
    }
}
