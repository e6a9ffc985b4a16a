using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Publishing;

[TestClass]
public sealed class PublishingTests
{
    [TestMethod]
    public async Task Public_totals_withhold_cells_below_k_and_the_admin_api_shows_them()
    {
        await using var server = await TestServer.StartAsync(s => s with { MinCount = 3 });
        await PostAsync(server, 5, platform: "aws");
        await PostAsync(server, 4, platform: "gcp");
        await PostAsync(server, 1, platform: "metal");

        var open = (await server.Client.GetFromJsonAsync<JsonObject>("/v1/totals?window=week&field=platform.id"))!;
        var admin = await Totals.AdminAsync(server.Client, "?window=week&field=platform.id");

        Assert.AreEqual(3, (long)open["min_count"]!);
        CollectionAssert.AreEquivalent(new[] { "aws" }, Values(open), "metal is below k; gcp, the smallest other cell, is withheld with it so metal cannot be derived");
        CollectionAssert.AreEquivalent(new[] { "aws", "gcp", "metal" }, Values(admin));
        Assert.AreEqual(1, Totals.Cell(admin, "week", "platform.id", "metal"));
        Assert.AreEqual(10, Totals.Reports(open, "week"));
    }

    [TestMethod]
    public async Task Window_counts_below_k_are_withheld_too()
    {
        await using var server = await TestServer.StartAsync();
        await PostAsync(server, 2, platform: "aws");

        var open = (await server.Client.GetFromJsonAsync<JsonObject>("/v1/totals"))!;

        Assert.AreEqual(0, open["reports"]!.AsArray().Count);
        Assert.AreEqual(0, open["totals"]!.AsArray().Count);
        Assert.AreEqual(0, open["systems"]!.AsArray().Count);
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
        await using var server = await TestServer.StartAsync(s => s with { MinCount = 1 });
        await PostAsync(server, 2, platform: "aws");

        var csv = await server.Client.GetStringAsync("/v1/totals.csv?window=month&field=platform.id");
        var same = await server.Client.GetStringAsync("/v1/totals?format=csv&window=month&field=platform.id");

        Assert.AreEqual("window,start,field,value,count\nmonth,2026-11-01,reports,,2\nmonth,2026-11-01,platform.id,aws,2\n", csv);
        Assert.AreEqual(csv, same);
    }

    [TestMethod]
    public async Task The_countme_tuples_of_reports_are_served_as_CSV_per_window()
    {
        await using var server = await TestServer.StartAsync(s => s with { MinCount = 2 });
        await PostAsync(server, 2, platform: "aws");
        await PostAsync(server, 1, platform: "gcp");

        var open = await server.Client.GetStringAsync("/v1/systems.csv?window=week");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/systems.csv?window=week");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Totals.AdminToken);
        using var admin = await server.Client.SendAsync(request);

        const string Header = "window,start,os_name,os_version,os_variant,os_arch,sys_age,platform,count\n";
        Assert.AreEqual(Header, open, "one cell below k withholds the only other one too");
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
