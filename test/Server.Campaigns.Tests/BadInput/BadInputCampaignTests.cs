using System.Diagnostics;
using System.Globalization;
using System.Net;
using Pinger.Server.Campaigns.Tests.Infrastructure;

namespace Pinger.Server.Campaigns.Tests.BadInput;

/// <summary>
/// The bad-input corpus against the published server over raw sockets: every request gets the answer that is right
/// for it (or, when too slow, is cut off within Kestrel's timeouts), never a 5xx; after each one the server still
/// counts a valid report; and in the end it has counted exactly those valid reports, none of the bad ones.
/// </summary>
[TestClass]
public sealed class BadInputCampaignTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void The_corpus_holds_at_least_200_distinct_requests_of_every_kind()
    {
        var corpus = BadInputCorpus.Build();

        Assert.IsGreaterThanOrEqualTo(200, corpus.Count);
        Assert.AreEqual(corpus.Count, corpus.Select(c => c.ToString()).Distinct().Count(), "case names are unique");
        Assert.AreEqual(corpus.Count, corpus.Select(c => Convert.ToBase64String(c.Request)).Distinct().Count(), "requests are distinct");
        CollectionAssert.IsSubsetOf(
            new[] { "truncated", "not a JSON object", "wrong type", "breaks the schema", "deeply nested", "bad encoding", "wrong content type", "content coding", "oversized", "framing", "slow" },
            corpus.Select(c => c.Family).Distinct().ToArray());
        Assert.IsTrue(corpus.All(c => c.Expected.All(s => s is 0 or (>= 400 and < 500))), "every expected answer is a 4xx or a cut connection");
    }

    [TestMethod]
    public async Task Every_bad_request_gets_its_4xx_never_a_5xx_and_the_server_keeps_counting()
    {
        var corpus = BadInputCorpus.Build();
        using var directory = new CampaignDirectory("bad-input");
        directory.ConfigureForCounting();
        var log = new ServerLog();
        using var server = await PublishedServer.StartAsync(directory.Arguments, log);
        using var client = ReportLoad.Client(server.BaseAddress);
        var clock = Stopwatch.StartNew();
        var statuses = new Dictionary<string, int>();
        var wrong = new List<string>();
        var acknowledged = 0;

        async Task StillCountsAsync(BadInputCase after)
        {
            using var response = await ReportLoad.PostAsync(client, ReportBodies.NewNonce(), distinct: false, CancellationToken.None);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                acknowledged++;
            }
            else
            {
                wrong.Add($"{after}: the next valid report got {(int)response.StatusCode}");
            }
        }

        void Judge(BadInputCase badInput, RawHttp.Answer answer)
        {
            var key = answer.Status == 0 ? (answer.Closed ? "cut" : "no answer") : answer.Status.ToString(CultureInfo.InvariantCulture);
            statuses[key] = statuses.GetValueOrDefault(key) + 1;
            // How long it took is a figure, not a verdict: a server that never answers or cuts is caught by the
            // exchange giving up (a hang guard well past the server's own timeouts) with neither.
            var right = badInput.Expected.Contains(answer.Status) && (answer.Status != 0 || answer.Closed);
            if (!right)
            {
                wrong.Add($"{badInput}: expected {string.Join(" or ", badInput.Expected.Select(s => s == 0 ? "a cut" : s.ToString(CultureInfo.InvariantCulture)))}, "
                    + $"got {key} after {answer.Elapsed.TotalSeconds:F1} s ({answer.Head.Split('\r')[0]})");
            }
        }

        // The slow requests hold their connections while the rest of the corpus goes through.
        var slow = corpus.Where(c => c.Slow).Select(async c => (Case: c, Answer: await RawHttp.ExchangeAsync(
            server.BaseAddress, c.Request, c.Within + TimeSpan.FromSeconds(30), c.SendAtOnce, c.Trickle, c.HalfClose))).ToList();
        foreach (var badInput in corpus.Where(c => !c.Slow))
        {
            Judge(badInput, await RawHttp.ExchangeAsync(server.BaseAddress, badInput.Request, badInput.Within + TimeSpan.FromSeconds(30), halfClose: badInput.HalfClose));
            await StillCountsAsync(badInput);
        }

        var slowest = TimeSpan.Zero;
        foreach (var (badInput, answer) in await Task.WhenAll(slow))
        {
            Judge(badInput, answer);
            slowest = answer.Elapsed > slowest ? answer.Elapsed : slowest;
            await StillCountsAsync(badInput);
        }

        var counted = await AdminTotals.WeekAsync(server.BaseAddress);
        Assert.AreEqual(0, wrong.Count, $"{wrong.Count} of {corpus.Count} requests answered wrongly:\n" + string.Join('\n', wrong) + "\n" + log.Tail());
        Assert.IsFalse(statuses.Keys.Any(k => k.StartsWith('5')), Figures.Distribution(statuses));
        Assert.AreEqual(acknowledged, counted, "only the valid reports between the bad requests are counted");
        Assert.IsFalse(log.Lines.Any(l => l.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase)), "the server logged an unhandled exception:\n" + log.Tail());
        Assert.AreEqual(0, server.Terminate(), "a clean stop after the corpus");

        const string Campaign = "bad input";
        Figures.Record(TestContext, Campaign, "distinct bad requests", corpus.Count);
        Figures.Record(TestContext, Campaign, "families", string.Join(", ", corpus.GroupBy(c => c.Family).Select(g => $"{g.Key} {g.Count()}")));
        Figures.Record(TestContext, Campaign, "answers", Figures.Distribution(statuses));
        Figures.Record(TestContext, Campaign, "5xx answers", 0);
        Figures.Record(TestContext, Campaign, "slowest slow request cut after (s)", slowest.TotalSeconds);
        Figures.Record(TestContext, Campaign, "valid reports acknowledged between them = counted", counted);
        Figures.Record(TestContext, Campaign, "minutes", clock.Elapsed.TotalMinutes);
    }
}
