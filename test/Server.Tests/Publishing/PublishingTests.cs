using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pinger.Protocol.Windows;
using Pinger.Server.Storage;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Publishing;

[TestClass]
public sealed class PublishingTests
{
    // At ε = 10,000 the smallest share (a twentieth, the countme tuples) has noise of scale 1/500: it is 0 except
    // about once in 10^217 draws, and every threshold is 2.
    private const decimal NearlyExact = 10_000m;

    [TestMethod]
    public async Task Public_totals_show_ended_windows_only_from_one_kept_release_and_the_admin_api_shows_everything()
    {
        await using var server = await TestServer.StartAsync(s => s with { Epsilon = NearlyExact, MinCount = 1 });
        await PostAsync(server, 5, platform: "aws");
        await PostAsync(server, 4, platform: "gcp");
        await PostAsync(server, 1, platform: "metal");

        var open = (await server.Client.GetFromJsonAsync<JsonObject>("/v1/totals?window=week&field=platform.id"))!;
        Assert.AreEqual(0, open["totals"]!.AsArray().Count, "the week is still open");

        server.Clock.Now = FixedClock.Friday.AddDays(4);
        using var first = await server.Client.GetAsync("/v1/totals?window=week&field=platform.id");
        var released = JsonNode.Parse(await first.Content.ReadAsStringAsync())!.AsObject();

        // The week before the current one still takes reports: they are counted, but not into the kept release.
        var late = Enumerable.Range(0, 3).Select(i => new CountedReport("late-" + i, [new CountingWindow(WindowKind.Week, new DateOnly(2026, 11, 23))],
            [new CountedValue("platform.id", "aws")], new SystemTuple("fedora", "41", "coreos", "x86_64", "3", "aws"))).ToArray();
        server.Services.GetRequiredService<ICounterStore>().Commit(new CommitBatch(late, [], new Dictionary<WindowKind, DateOnly>()));
        using var later = await server.Client.GetAsync("/v1/totals?window=week&field=platform.id");
        var admin = await Totals.AdminAsync(server.Client, "?window=week&field=platform.id");

        Assert.AreEqual(NearlyExact, (decimal)released["epsilon"]!);
        CollectionAssert.AreEquivalent(new[] { "aws", "gcp" }, Values(released), "metal, one machine, is under the threshold");
        Assert.AreEqual(5, Totals.Cell(released, "week", "platform.id", "aws"));
        Assert.AreEqual(await first.Content.ReadAsStringAsync(), await later.Content.ReadAsStringAsync(), "reports after the release are not in it");
        Assert.AreEqual(first.Headers.ETag, later.Headers.ETag);
        Assert.AreEqual(8, Totals.Cell(admin, "week", "platform.id", "aws"), "the admin API keeps exact, live counts");
        Assert.AreEqual(1, Totals.Cell(admin, "week", "platform.id", "metal"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/totals?window=week&field=platform.id");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await server.Client.SendAsync(request);
        Assert.AreEqual(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [TestMethod]
    [DataRow("/v1/totals?field=nosuch.field")]
    [DataRow("/v1/totals.csv?field=platform.nosuch")]
    [DataRow("/v1/totals?format=csv&field=systems.nosuch")]
    [DataRow("/v1/systems.csv?field=nosuch.id")]
    public async Task A_well_formed_field_the_registry_does_not_have_is_refused_naming_the_field_parameter(string path)
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.Client.GetAsync(path);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("field", (string)problem["errors"]![0]!["field"]!);
        Assert.DoesNotContain("nosuch", problem.ToJsonString(), "the value is never repeated");
    }

    [TestMethod]
    public async Task The_admin_api_refuses_an_unknown_field_too_and_known_and_derived_fields_are_answered()
    {
        await using var server = await TestServer.StartAsync(s => s with { Epsilon = NearlyExact, MinCount = 2 });
        await PostAsync(server, 3, platform: "aws");
        server.Clock.Now = FixedClock.Friday.AddDays(4);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/totals?field=nosuch.field");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Totals.AdminToken);

        using var admin = await server.Client.SendAsync(request);
        using var known = await server.Client.GetAsync("/v1/totals?window=week&field=platform.id");
        var age = (await server.Client.GetFromJsonAsync<JsonObject>("/v1/totals?window=week&field=systems.sys_age"))!;

        Assert.AreEqual(HttpStatusCode.BadRequest, admin.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, known.StatusCode);
        Assert.IsTrue(age["totals"]!.AsArray().All(cell => (string)cell!["field"]! == "systems.sys_age"));
        Assert.IsNotEmpty(age["totals"]!.AsArray(), "the published age marginal is a field a filter may name");
    }

    [TestMethod]
    public async Task At_the_default_epsilon_a_window_of_a_few_machines_shows_nothing()
    {
        await using var server = await TestServer.StartAsync();
        await PostAsync(server, 2, platform: "aws");
        server.Clock.Now = FixedClock.Friday.AddDays(40);

        var open = (await server.Client.GetFromJsonAsync<JsonObject>("/v1/totals"))!;

        Assert.AreEqual(0, open["reports"]!.AsArray().Count);
        Assert.AreEqual(0, open["totals"]!.AsArray().Count);
        Assert.AreEqual(0, open["systems"]!.AsArray().Count);
    }

    [TestMethod]
    public async Task Diffing_the_public_answer_around_one_report_in_the_open_window_shows_nothing()
    {
        await using var server = await TestServer.StartAsync(s => s with { Epsilon = NearlyExact, MinCount = 1 });
        await PostAsync(server, 20, platform: "aws");
        var paths = new[] { "/v1/totals?window=day", "/v1/totals.csv", "/v1/systems.csv", "/v1/countme/totals.csv", "/v1/totals/metrics", "/" };
        var before = await Task.WhenAll(paths.Select(p => server.Client.GetStringAsync(p)));

        await PostAsync(server, 1, platform: "gcp");
        var after = await Task.WhenAll(paths.Select(p => server.Client.GetStringAsync(p)));

        CollectionAssert.AreEqual(before, after, "every public view is unchanged by a report in an open window");
    }

    [TestMethod]
    [DataRow(null, HttpStatusCode.Unauthorized)]
    [DataRow("wrong-token-wrong-token", HttpStatusCode.Unauthorized)]
    [DataRow(Totals.AdminToken, HttpStatusCode.OK)]
    public async Task The_admin_api_needs_the_bearer_token(string? token, HttpStatusCode expected)
    {
        await using var server = await TestServer.StartAsync();
        foreach (var path in new[] { "/v1/admin/totals", "/v1/admin/totals.csv", "/v1/admin/countme/totals.csv" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await server.Client.SendAsync(request);

            Assert.AreEqual(expected, response.StatusCode, path);
            if (expected == HttpStatusCode.Unauthorized)
            {
                Assert.AreEqual("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            }
        }
    }

    [TestMethod]
    public async Task Without_a_token_file_the_admin_api_is_off()
    {
        await using var server = await TestServer.StartAsync(s => s with { AdminTokenFile = null });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/totals");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Totals.AdminToken);

        using var response = await server.Client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    [TestMethod]
    public async Task Totals_are_also_served_as_CSV()
    {
        await using var server = await TestServer.StartAsync(s => s with { Epsilon = NearlyExact, MinCount = 1 });
        await PostAsync(server, 6, platform: "aws");
        server.Clock.Now = FixedClock.Friday.AddDays(5);

        var csv = await server.Client.GetStringAsync("/v1/totals.csv?window=month&field=platform.id");
        var same = await server.Client.GetStringAsync("/v1/totals?format=csv&window=month&field=platform.id");

        // The report count has the smallest share of ε, so its noise is not asserted.
        StringAssert.Matches(csv, new System.Text.RegularExpressions.Regex(
            "^window,start,field,value,count\nmonth,2026-11-01,reports,,[0-9]+\nmonth,2026-11-01,platform.id,aws,6\n$"));
        Assert.AreEqual(csv, same);
    }

    [TestMethod]
    public async Task The_countme_tuples_of_reports_are_served_as_CSV_per_window()
    {
        await using var server = await TestServer.StartAsync(s => s with { Epsilon = NearlyExact, MinCount = 2 });
        await PostAsync(server, 2, platform: "aws");
        await PostAsync(server, 1, platform: "gcp");
        server.Clock.Now = FixedClock.Friday.AddDays(3);

        var open = await server.Client.GetStringAsync("/v1/systems.csv?window=week");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/systems.csv?window=week");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Totals.AdminToken);
        using var admin = await server.Client.SendAsync(request);

        const string Header = "window,start,os_name,os_version,os_variant,os_arch,sys_age,platform,count\n";
        Assert.AreEqual(Header + "week,2026-11-23,fedora,41,coreos,x86_64,3,aws,2\n", open, "gcp, one machine, is under the threshold");
        Assert.AreEqual(
            Header + "week,2026-11-23,fedora,41,coreos,x86_64,3,aws,2\nweek,2026-11-23,fedora,41,coreos,x86_64,3,gcp,1\n",
            await admin.Content.ReadAsStringAsync());
    }

    [TestMethod]
    [DataRow("?window=year", "window")]
    [DataRow("?from=yesterday", "from")]
    [DataRow("?to=2026-13-01", "to")]
    public async Task A_bad_totals_query_gets_400_naming_the_parameter(string query, string parameter)
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.Client.GetAsync("/v1/totals" + query);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![0]!;
        Assert.AreEqual(parameter, (string)error["field"]!);
    }

    [TestMethod]
    public async Task Totals_filter_by_window_and_dates()
    {
        await using var server = await TestServer.StartAsync();
        await PostAsync(server, 1, platform: "aws");

        var days = await Totals.AdminAsync(server.Client, "?window=day&from=2026-11-27&to=2026-11-27");
        var none = await Totals.AdminAsync(server.Client, "?from=2026-12-01");

        Assert.IsTrue(days["reports"]!.AsArray().All(r => (string)r!["window"]! == "day"));
        Assert.AreEqual(1, Totals.Reports(days, "day"));
        Assert.AreEqual(0, none["reports"]!.AsArray().Count);
    }

    internal static async Task PostAsync(TestServer server, int count, string platform)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await server.PostReportAsync(ReportJson.Minimal(platform: platform));
            Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        }
    }

    private static string[] Values(JsonObject totals) => totals["totals"]!.AsArray().Select(c => (string)c!["value"]!).ToArray();
}
