using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Pinger.Server.Tests.Infrastructure;

/// <summary>Reads totals back through the admin API, which shows every cell.</summary>
internal static class Totals
{
    public const string AdminToken = "test-admin-token-0123456789";

    public static async Task<JsonObject> AdminAsync(HttpClient client, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/totals" + query);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        using var response = await client.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>().ConfigureAwait(false))!;
    }

    public static long Reports(JsonObject totals, string window) =>
        totals["reports"]!.AsArray().Where(r => (string)r!["window"]! == window).Sum(r => (long)r!["count"]!);

    public static long Cell(JsonObject totals, string window, string field, string value) =>
        totals["totals"]!.AsArray()
            .Where(c => (string)c!["window"]! == window && (string)c["field"]! == field && (string)c["value"]! == value)
            .Sum(c => (long)c!["count"]!);
}
