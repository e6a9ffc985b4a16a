using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Pinger.Server.Campaigns.Tests.Infrastructure;

/// <summary>Counts read back through the admin API, which shows every cell.</summary>
internal static class AdminTotals
{
    /// <summary>Reports counted per window kind (day, week, month), summed over every window start.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> ReportsAsync(Uri server)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CampaignDirectory.AdminToken);
        var totals = JsonNode.Parse(await client.GetStringAsync(new Uri("/v1/admin/totals", UriKind.Relative)).ConfigureAwait(false))!;
        var counts = new Dictionary<string, long> { ["day"] = 0, ["week"] = 0, ["month"] = 0 };
        foreach (var row in totals["reports"]!.AsArray())
        {
            counts[(string)row!["window"]!] += (long)row["count"]!;
        }

        return counts;
    }

    /// <summary>Reports counted in week windows; fails when the three window kinds disagree (each report names all three).</summary>
    public static async Task<long> WeekAsync(Uri server)
    {
        var counts = await ReportsAsync(server).ConfigureAwait(false);
        Assert.IsTrue(counts["day"] == counts["week"] && counts["week"] == counts["month"],
            $"each report names a day, a week and a month, yet they were counted day {counts["day"]}, week {counts["week"]}, month {counts["month"]}");
        return counts["week"];
    }
}
