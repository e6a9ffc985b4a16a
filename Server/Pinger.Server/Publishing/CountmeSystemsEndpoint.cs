using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pinger.Protocol.Windows;
using Pinger.Server.Configuration;
using Pinger.Server.Operations;
using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>
/// <c>GET /v1/countme/systems.csv</c>: the weekly systems of Pinger reports in exactly the countme totals CSV
/// (<see cref="CountmeSystemsExport"/>), complete weeks only, with the same suppression as every public output:
/// a week's rows below <c>publishing.min_count</c> are withheld by <see cref="CellSuppression"/>.
/// </summary>
public sealed class CountmeSystemsEndpoint(ICounterStore store, ServerSettings settings, TimeProvider clock)
{
    /// <summary>Maps the route.</summary>
    public void Map(IEndpointRouteBuilder routes) => routes.MapGet("/v1/countme/systems.csv", Write);

    private async Task Write(HttpContext context)
    {
        IReadOnlyList<CountmeTotal> rows;
        try
        {
            var lastComplete = CountingCalendar.WeekStart(CountingCalendar.WeekNumber(clock.GetUtcNow()) - 1);
            var systems = store.ReadTotals(new TotalsQuery(WindowKind.Week, null, lastComplete, null)).Systems
                .Where(s => s.Window.Start <= lastComplete);
            rows = CellSuppression.Suppress(CountmeSystemsExport.Rows(systems), r => r.Key.WeekStart, r => r.Hits, settings.MinCount);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or StorageUnavailableException or InvalidOperationException)
        {
            await ProblemResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "storage is unavailable; retry later", retryAfter: TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            return;
        }

        var text = new StringBuilder(TotalsEndpoints.CountmeHeader + "\n");
        foreach (var row in rows)
        {
            var key = row.Key;
            text.Append(CsvText.Line(Day(key.WeekStart), Day(key.WeekStart.AddDays(6)), row.Hits.ToString(CultureInfo.InvariantCulture),
                key.OsName, key.OsVersion, key.OsVariant, key.OsArch, key.SysAge, key.RepoTag, key.RepoArch));
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "inline; filename=\"countme-systems.csv\"";
        await context.Response.WriteAsync(text.ToString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
