using System.Text;
using CsCheck;
using Pinger.Properties.Tests.Infrastructure;

namespace Pinger.Properties.Tests.Ingest;

/// <summary>
/// POST /v1/reports of a real server on loopback, over generated bodies: nothing a client sends gets a 5xx, an
/// accepted report adds exactly what it declares, its retry adds nothing, and a refused one adds nothing.
/// </summary>
[TestClass]
public sealed class ReportEndpointProperties
{
    private static readonly Gen<string?> ContentType = Gen.Frequency(
        (8, Gen.Const<string?>("application/json")),
        (1, Gen.OneOf<string?>("application/json; charset=utf-8", "application/json; charset=latin1", "text/plain", "APPLICATION/JSON", null, "application/json;;", "x/y; charset=\"\"")));

    private static InProcessServer _server = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartServer(TestContext _) => _server = await InProcessServer.StartAsync();

    [ClassCleanup]
    public static async Task StopServer() => await _server.DisposeAsync();

    [TestMethod]
    public void Any_byte_string_posted_gets_a_2xx_or_a_4xx_never_a_5xx()
    {
        var iterations = CampaignSize.Pick(ci: 400, full: 20_000);
        var statuses = new Dictionary<int, int>();
        var bodies = Gen.Frequency(
            (3, Gen.Byte.Array[0, 1200]),
            (2, Gen.Char.Array[0, 600].Select(cs => Encoding.UTF8.GetBytes(new string(cs)))),
            (1, Gen.Int[8000, 9000].Select(n => new byte[n])));

        Gen.Select(bodies, ContentType).Sample((body, type) =>
        {
            var status = _server.PostAsync(body, type).GetAwaiter().GetResult();
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            return status is >= 200 and < 300 or >= 400 and < 500;
        }, iter: iterations, threads: 1, print: p => $"{p.Item2}: {Convert.ToBase64String(p.Item1)}");

        Record(iterations, statuses, "any byte string");
    }

    [TestMethod]
    public void Any_mutation_of_a_valid_report_gets_a_2xx_or_a_4xx_never_a_5xx()
    {
        var iterations = CampaignSize.Pick(ci: 400, full: 20_000);
        var statuses = new Dictionary<int, int>();
        var mutated = ReportModel.Valid.SelectMany(report => Mutations.Of(report.ToJson(ReportModel.NewNonce())));

        mutated.Sample(body =>
        {
            var status = _server.PostAsync(body).GetAwaiter().GetResult();
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            return status is >= 200 and < 300 or >= 400 and < 500;
        }, iter: iterations, threads: 1, print: body => Encoding.UTF8.GetString(body));

        Assert.IsTrue(statuses.ContainsKey(204) && statuses.ContainsKey(400) && statuses.ContainsKey(422),
            "the mutations reach every outcome: " + string.Join(", ", statuses));
        Record(iterations, statuses, "mutated valid report");
    }

    [TestMethod]
    public void An_accepted_report_adds_exactly_its_declared_increments_and_its_retry_adds_nothing()
    {
        var iterations = CampaignSize.Pick(ci: 60, full: 1_000);
        ReportModel.Valid.Sample(report =>
        {
            // A fresh nonce per try: the shrinker may try the same report twice, and a nonce seen counts once.
            var body = Encoding.UTF8.GetBytes(report.ToJson(ReportModel.NewNonce()));
            var before = _server.CountersAsync().GetAwaiter().GetResult();
            var status = _server.PostAsync(body).GetAwaiter().GetResult();
            var after = _server.CountersAsync().GetAwaiter().GetResult();
            Assert.AreEqual(204, status, "a valid report is counted");
            AssertSame(report.Increments(), after.Minus(before));

            var retry = _server.PostAsync(body).GetAwaiter().GetResult();
            var again = _server.CountersAsync().GetAwaiter().GetResult();
            Assert.AreEqual(204, retry, "a retry is acknowledged");
            Assert.IsEmpty(again.Minus(after), "a retry with the same nonce adds nothing: " + string.Join(", ", again.Minus(after)));
        }, iter: iterations, threads: 1, print: r => r.ToJson("(nonce)"));

        Figures.Record(TestContext, "properties", "accepted reports: exact increments, retry adds nothing (iterations)", iterations);
    }

    [TestMethod]
    public void A_refused_report_adds_nothing()
    {
        var iterations = CampaignSize.Pick(ci: 150, full: 2_000);
        var refused = 0;
        var mutated = ReportModel.Valid.SelectMany(report => Mutations.Of(report.ToJson(ReportModel.NewNonce())));
        mutated.Sample(body =>
        {
            var before = _server.CountersAsync().GetAwaiter().GetResult();
            var status = _server.PostAsync(body).GetAwaiter().GetResult();
            var after = _server.CountersAsync().GetAwaiter().GetResult();
            if (status >= 300)
            {
                refused++;
                Assert.IsEmpty(after.Minus(before), $"HTTP {status} must count nothing: " + string.Join(", ", after.Minus(before)));
            }
        }, iter: iterations, threads: 1, print: body => Encoding.UTF8.GetString(body));

        Assert.IsGreaterThan(iterations / 3, refused, "most mutations are refused");
        Figures.Record(TestContext, "properties", "refused reports add nothing (iterations, refused)", $"{iterations}, {refused}");
    }

    private static void AssertSame(IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> actual)
    {
        var missing = expected.Where(e => actual.GetValueOrDefault(e.Key) != e.Value).Select(e => $"{e.Key} +{e.Value} (was +{actual.GetValueOrDefault(e.Key)})");
        var extra = actual.Where(a => !expected.ContainsKey(a.Key)).Select(a => $"{a.Key} +{a.Value}");
        var problems = missing.Concat(extra).ToList();
        Assert.IsEmpty(problems, "counters differ from the report's declared increments: " + string.Join("; ", problems));
    }

    private void Record(int iterations, Dictionary<int, int> statuses, string what) =>
        Figures.Record(TestContext, "properties", $"{what}: never a 5xx (iterations; statuses)",
            $"{iterations}; " + string.Join(" ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value}")));
}
