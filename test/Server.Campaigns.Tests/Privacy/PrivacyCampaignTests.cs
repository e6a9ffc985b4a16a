using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Pinger.Server.Campaigns.Tests.Infrastructure;

namespace Pinger.Server.Campaigns.Tests.Privacy;

/// <summary>
/// A load run from distinctive loopback addresses (127.0.0.x) with distinctive User-Agents and X-Forwarded-For
/// headers, valid and invalid reports and countme requests, against the server with its default configuration.
/// Then none of those addresses or User-Agents may appear in the database files (SQLite file, WAL, SHM, read while
/// the server runs and after it stopped) or in anything the server wrote to stdout or stderr, and the public release
/// never shows a cell under its threshold (never under k = 10, the <c>min_count</c> floor). The reports name
/// yesterday's day window, which has ended but still accepts reports, so that its release is public.
/// </summary>
[TestClass]
public sealed class PrivacyCampaignTests
{
    private const int K = 10;
    private const string ForwardedFor = "203.0.113.57";
    private static readonly string[] Addresses = ["127.0.0.23", "127.0.0.77", "127.0.0.142", "127.0.0.201"];

    public TestContext TestContext { get; set; } = null!;

    private static string Yesterday => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [TestMethod]
    public async Task After_load_from_distinctive_clients_no_address_or_User_Agent_is_stored_or_logged_and_no_small_cell_is_published()
    {
        using var directory = new CampaignDirectory("privacy");
        var log = new ServerLog();
        using var server = await PublishedServer.StartAsync(directory.Arguments, log);
        var agents = Addresses.Select((_, i) => $"PingerCanaryAgent/{i}.7 (zz-canary-{Guid.NewGuid():N})").ToArray();
        var rounds = CampaignSize.Pick(ci: 1, full: 5);

        // 220 reports per round whose version_id and platform.id cells range from 200 down to 1; later rounds add to
        // the large cells only, so the small ones stay below k at every size.
        (string, string)[] Plan(int round) => Enumerable.Range(0, 220).Select(i => i switch
        {
            _ when round > 0 => ("41", "aws"),
            < 4 => ("39", "aws"),
            < 5 => ("rawhide", "aws"),
            < 20 => ("40", i < 8 ? "azure" : "gcp"),
            _ => ("41", i < 32 ? "gcp" : "aws"),
        }).ToArray();
        var (answers, boundTo) = (new Dictionary<string, int>(), new HashSet<string>());
        for (var round = 0; round < rounds; round++)
        {
            var plan = Plan(round);
            var perClient = await Task.WhenAll(Addresses.Select((address, c) => SendFromAsync(server.BaseAddress, address, agents[c], plan.Where((_, i) => i % Addresses.Length == c).ToArray())));
            foreach (var (statuses, local) in perClient)
            {
                boundTo.Add(local);
                foreach (var (status, count) in statuses)
                {
                    answers[status] = answers.GetValueOrDefault(status) + count;
                }
            }
        }

        CollectionAssert.AreEquivalent(Addresses, boundTo.ToArray(), "the clients connected from their own addresses");
        Assert.AreEqual((220 + Addresses.Length) * rounds, answers.GetValueOrDefault("204"), "every valid report and countme request was counted: " + Figures.Distribution(answers));

        var published = await PublishedCountsAsync(server.BaseAddress);
        var needles = Addresses.Concat(Addresses.Select(a => "::ffff:" + a)).Concat(agents).Append(ForwardedFor).ToArray();
        var whileRunning = Scan(directory.StateDirectory, log, needles);
        Assert.AreEqual(0, server.Terminate());
        var afterStop = Scan(directory.StateDirectory, log, needles);

        Assert.AreEqual(string.Empty, whileRunning.Found, "found while the server runs");
        Assert.AreEqual(string.Empty, afterStop.Found, "found after the server stopped");
        Assert.IsTrue(whileRunning.ControlFound && afterStop.ControlFound, "the scan reads the right files: a field name in the database and the listening line in the log");
        var small = published.Where(p => p.Count < K).ToList();
        Assert.AreEqual(0, small.Count, "published cells below k: " + string.Join(", ", small.Select(p => $"{p.Where} {p.Count}")));
        Assert.IsTrue(published.Any(p => p.Count >= K), "something was published");
        foreach (var hidden in new[] { "39", "rawhide", "azure" })
        {
            Assert.IsFalse(published.Any(p => p.Where.Contains("," + hidden + ",", StringComparison.Ordinal) || p.Where.EndsWith("=" + hidden, StringComparison.Ordinal)),
                $"{hidden}, counted fewer than k times, is published");
        }

        const string Campaign = "privacy";
        Figures.Record(TestContext, Campaign, "client addresses", string.Join(" ", Addresses));
        Figures.Record(TestContext, Campaign, "requests", answers.Values.Sum());
        Figures.Record(TestContext, Campaign, "answers", Figures.Distribution(answers));
        Figures.Record(TestContext, Campaign, "bytes scanned (database files and logs, running + stopped)", whileRunning.Bytes + afterStop.Bytes);
        Figures.Record(TestContext, Campaign, "addresses or User-Agents found", 0);
        Figures.Record(TestContext, Campaign, "published cells checked", published.Count);
        Figures.Record(TestContext, Campaign, "published cells below k", 0);
    }

    // One client bound to its own loopback address: the planned reports, one invalid report per ten, a countme
    // request and a totals request, all with its User-Agent and a forwarded-for header.
    private static async Task<(Dictionary<string, int> Statuses, string Local)> SendFromAsync(Uri server, string address, string agent, (string Version, string Platform)[] reports)
    {
        var local = string.Empty;
        using var client = ReportLoad.Client(server, async (context, cancel) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                await socket.ConnectAsync(context.DnsEndPoint.Host == "127.0.0.1" ? new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port) : context.DnsEndPoint, cancel);
                local = ((IPEndPoint)socket.LocalEndPoint!).Address.ToString();
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ForwardedFor);
        var statuses = new Dictionary<string, int>();
        void Count(HttpResponseMessage response)
        {
            var key = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            statuses[key] = statuses.GetValueOrDefault(key) + 1;
        }

        for (var i = 0; i < reports.Length; i++)
        {
            using (var response = await ReportLoad.PostAsync(client, ReportBodies.Valid(ReportBodies.NewNonce(), versionId: reports[i].Version, platform: reports[i].Platform, day: Yesterday), CancellationToken.None))
            {
                Count(response);
            }

            if (i % 10 == 0)
            {
                using var invalid = await ReportLoad.PostAsync(client, ReportBodies.Valid(ReportBodies.NewNonce(), platform: "not-a-platform"), CancellationToken.None);
                Count(invalid);
            }
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/metalink?repo=fedora-41&arch=x86_64&countme=2"))
        {
            request.Headers.UserAgent.Clear();
            request.Headers.TryAddWithoutValidation("User-Agent", "libdnf (Fedora Linux 41; coreos; Linux.x86_64)");
            using var countme = await client.SendAsync(request);
            Count(countme);
        }

        using (var totals = await client.GetAsync(new Uri("/v1/totals?window=week", UriKind.Relative)))
        {
            Count(totals);
        }

        return (statuses, local);
    }

    // Every count the public endpoints show, with where it was shown (endpoint and row).
    private static async Task<List<(string Where, long Count)>> PublishedCountsAsync(Uri server)
    {
        using var client = new HttpClient { BaseAddress = server };
        var counts = new List<(string, long)>();
        var json = JsonNode.Parse(await client.GetStringAsync(new Uri("/v1/totals", UriKind.Relative)))!;
        foreach (var section in new[] { "reports", "totals", "systems" })
        {
            foreach (var row in json[section]?.AsArray() ?? [])
            {
                var where = string.Join(",", row!.AsObject().Where(p => p.Key != "count").Select(p => $"{p.Key}={p.Value}"));
                counts.Add(($"totals {section}: {where}", (long)row["count"]!));
            }
        }

        foreach (var (path, countColumn) in new[] { ("/v1/totals.csv", 4), ("/v1/systems.csv", 8), ("/v1/countme/totals.csv", 2) })
        {
            foreach (var line in (await client.GetStringAsync(new Uri(path, UriKind.Relative))).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
            {
                var cells = line.Split(',');
                counts.Add(($"{path}: ,{line},", long.Parse(cells[countColumn], CultureInfo.InvariantCulture)));
            }
        }

        return counts;
    }

    private static (string Found, bool ControlFound, long Bytes) Scan(string stateDirectory, ServerLog log, string[] needles)
    {
        var sources = Directory.GetFiles(stateDirectory).Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f)))
            .Append((Name: "server output", Bytes: Encoding.UTF8.GetBytes(string.Join('\n', log.Lines))))
            .ToList();
        var found = new List<string>();
        foreach (var (name, bytes) in sources)
        {
            foreach (var needle in needles)
            {
                if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0)
                {
                    found.Add($"{needle} in {name}");
                }
            }
        }

        var control = sources.Any(s => s.Name.StartsWith("pinger-server.sqlite", StringComparison.Ordinal) && s.Bytes.AsSpan().IndexOf("os-versions.version_id"u8) >= 0)
            && sources.Any(s => s.Name == "server output" && s.Bytes.AsSpan().IndexOf("Now listening on"u8) >= 0);
        return (string.Join(", ", found), control, sources.Sum(s => (long)s.Bytes.Length));
    }
}
