using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Pinger.Testing.EndToEnd;

/// <summary>What a server counted, read through its admin API (every cell, none withheld).</summary>
internal sealed class AdminTotals
{
    private readonly JsonObject _totals;

    private AdminTotals(JsonObject totals) => _totals = totals;

    public static async Task<AdminTotals> ReadAsync(Uri server)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(1) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/totals");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerDirectory.AdminToken);
        using var response = await client.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        Assert.IsTrue(response.IsSuccessStatusCode, $"GET /v1/admin/totals: HTTP {(int)response.StatusCode}\n{text}");
        return new AdminTotals(JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>Reports counted in windows of <paramref name="kind"/> (day, week or month), over every window start.</summary>
    public long Reports(string kind) =>
        _totals["reports"]!.AsArray().Where(r => (string)r!["window"]! == kind).Sum(r => (long)r!["count"]!);

    /// <summary>How many reports counted <paramref name="field"/> (probe.field) as <paramref name="value"/> in windows of <paramref name="kind"/>.</summary>
    public long Cell(string kind, string field, string value) =>
        _totals["totals"]!.AsArray()
            .Where(c => (string)c!["window"]! == kind && (string)c["field"]! == field && (string)c["value"]! == value)
            .Sum(c => (long)c!["count"]!);

    public override string ToString() => _totals.ToJsonString();
}
