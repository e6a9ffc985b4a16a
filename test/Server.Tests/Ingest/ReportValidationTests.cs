using System.Net;
using System.Text.Json.Nodes;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Ingest;

[TestClass]
public sealed class ReportValidationTests
{
    // A value no check message may repeat: refusals name the place, never what was sent.
    private const string Secret = "zz9secretvalue";

    private static readonly (string Name, Action<JsonObject> Change, string Field, string Problem)[] Cases =
    [
        ("probe name that is no probe id", r => r["probes"]!["No Such"] = new JsonObject { ["x"] = "y" }, "probes.(an invalid name)", "is not a probe id"),
        ("unknown field", r => r["probes"]!["platform"]!["zone"] = Secret, "probes.platform.zone", "is not a field of this probe"),
        ("wrong type", r => r["probes"]!["platform"]!["id"] = 7, "probes.platform.id", "expected Text, got Integer"),
        ("object value", r => r["probes"]!["platform"]!["id"] = new JsonObject { ["a"] = Secret }, "probes.platform.id", "must be a string, an integer, a boolean or an array of strings"),
        ("value outside the set", r => r["probes"]!["platform"]!["id"] = Secret, "probes.platform.id", "value is not in the declared set"),
        ("value outside the pattern", r => r["probes"]!["os-versions"]!["version_id"] = "4x", "probes.os-versions.version_id", "value does not match the declared pattern"),
        ("value too long", r => r["probes"]!["os-versions"]!["version"] = new string('1', 40), "probes.os-versions.version", "length 40 is outside 1..32"),
        ("full field in a minimal report", r => r["probes"]!["hardware"] = new JsonObject { ["tpm"] = true }, "probes.hardware.tpm", "is a full-level field, not allowed in a minimal report"),
        ("too many items", r =>
        {
            r["level"] = "full";
            r["probes"]!["hardware"] = new JsonObject { ["features"] = new JsonArray("avx", "avx2", "sse4", "aes") };
        }, "probes.hardware.features", "4 items, at most 3 allowed"),
        ("schema 2", r => r["schema"] = 2, "schema", "must be 1"),
        ("unknown level", r => r["level"] = Secret, "level", "must be \"minimal\" or \"full\""),
        ("age 5", r => r["age"] = 5, "age", "an integer from 1 to 4"),
        ("short nonce", r => r["nonce"] = "abc", "nonce", "22 characters"),
        ("nonce with padding bits", r => r["nonce"] = "AAAAAAAAAAAAAAAAAAAAAB", "nonce", "22 characters"),
        ("no window", r => r["windows"] = new JsonObject(), "windows", "1 to 3"),
        ("unknown window", r => r["windows"]!["year"] = "2026-01-01", "windows.year", "is not a window"),
        ("week not on a Monday", r => r["windows"]!["week"] = "2026-11-24", "windows.week", "must be the first day of a week"),
        ("old week", r => r["windows"]!["week"] = "2026-11-09", "windows.week", "is neither the current nor the previous window"),
        ("future month", r => r["windows"]!["month"] = "2026-12-01", "windows.month", "is neither the current nor the previous window"),
        ("date text", r => r["windows"]!["day"] = Secret, "windows.day", "must be a date written YYYY-MM-DD"),
        ("unknown member", r => r["hostname"] = Secret, "hostname", "is not a member of a schema 1 report"),
        ("invalid member name", r => r["Host Name!"] = 1, "(an invalid name)", "is not a member of a schema 1 report"),
    ];

    public static IEnumerable<object[]> CaseNames => Cases.Select(c => new object[] { c.Name });

    [TestMethod]
    [DynamicData(nameof(CaseNames))]
    public async Task An_invalid_report_gets_422_naming_the_field_and_never_the_value(string name)
    {
        var (_, change, field, problem) = Cases.Single(c => c.Name == name);
        await using var server = await TestServer.StartAsync();

        using var response = await server.PostReportAsync(ReportJson.Minimal(change: change));

        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var error = JsonNode.Parse(body)!["errors"]!.AsArray().Single();
        Assert.AreEqual(field, (string)error!["field"]!);
        StringAssert.Contains((string)error["problem"]!, problem);
        Assert.IsFalse(body.Contains(Secret, StringComparison.Ordinal), body);
        Assert.IsFalse(server.Logs.Lines.Any(l => l.Contains(Secret, StringComparison.Ordinal)));
        Assert.AreEqual(0, Totals.Reports(await Totals.AdminAsync(server.Client), "week"), "nothing of a refused report is counted");
    }

    [TestMethod]
    public async Task The_previous_window_is_accepted_and_so_is_a_slightly_fast_client_clock()
    {
        await using var server = await TestServer.StartAsync();
        server.Clock.Now = new DateTimeOffset(2026, 11, 30, 23, 58, 0, TimeSpan.Zero);

        using var previous = await server.PostReportAsync(ReportJson.Minimal(change: r => r["windows"] = new JsonObject { ["week"] = "2026-11-23", ["month"] = "2026-11-01" }));
        using var next = await server.PostReportAsync(ReportJson.Minimal(change: r => r["windows"] = new JsonObject { ["day"] = "2026-12-01", ["month"] = "2026-12-01" }));

        Assert.AreEqual(HttpStatusCode.NoContent, previous.StatusCode);
        Assert.AreEqual(HttpStatusCode.NoContent, next.StatusCode);
    }
}
