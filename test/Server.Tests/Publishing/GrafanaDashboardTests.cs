using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Publishing;

/// <summary>The Grafana dashboard in contrib/grafana queries only series that /v1/totals/metrics serves.</summary>
[TestClass]
public sealed partial class GrafanaDashboardTests
{
    [TestMethod]
    public async Task Every_query_of_the_dashboard_names_a_family_and_a_field_the_server_serves()
    {
        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(TestPaths.InRepository("contrib", "grafana", "pinger-installed-base.json")))!;
        var queries = dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]!.AsArray()).Select(t => (string)t!["expr"]!)
            .Append((string)dashboard["templating"]!["list"]!.AsArray().Single(v => (string)v!["name"]! == "field")!["definition"]!)
            .ToArray();
        await using var server = await TestServer.StartAsync(s => s with { Epsilon = 10_000m, MinCount = 1 });
        await PublishingTests.PostAsync(server, 3, platform: "aws");
        server.Clock.Now = FixedClock.Friday.AddDays(4);

        var served = await server.Client.GetStringAsync("/v1/totals/metrics");

        Assert.IsNotEmpty(queries);
        foreach (var query in queries)
        {
            var families = Family().Matches(query).Select(m => m.Value).ToArray();
            Assert.IsNotEmpty(families, query);
            foreach (var family in families)
            {
                StringAssert.Contains(served, $"# TYPE {family} gauge\n", $"{query}: {family} is not served");
            }

            foreach (var field in FieldLiteral().Matches(query).Select(m => m.Groups["field"].Value).Where(f => !f.StartsWith('$')))
            {
                StringAssert.Contains(served, $"field=\"{field}\"", $"{query}: no series of field {field}");
            }
        }
    }

    [GeneratedRegex(@"\bpinger_[a-z_]+\b")]
    private static partial Regex Family();

    [GeneratedRegex("field=\"(?<field>[^\"]+)\"")]
    private static partial Regex FieldLiteral();
}
