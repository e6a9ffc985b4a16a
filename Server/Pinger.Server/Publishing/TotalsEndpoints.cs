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
/// The published aggregates: the counters per window (JSON or CSV) and Fedora's weekly countme totals with its
/// exact columns. Public output withholds small cells; the admin API, behind its bearer token, shows every cell.
/// </summary>
public sealed class TotalsEndpoints(ICounterStore store, ServerSettings settings, AdminToken adminToken, TimeProvider clock)
{
    /// <summary>The countme CSV header, column for column as mirrors-countme publishes it.</summary>
    public const string CountmeHeader = "week_start,week_end,hits,os_name,os_version,os_variant,os_arch,sys_age,repo_tag,repo_arch";

    /// <summary>Maps the routes.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/totals", context => Guarded(context, () => Totals(context, admin: false, csv: context.Request.Query["format"] == "csv")));
        routes.MapGet("/v1/totals.csv", context => Guarded(context, () => Totals(context, admin: false, csv: true)));
        routes.MapGet("/v1/countme/totals.csv", context => Guarded(context, () => CountmeCsv(context, admin: false)));
        routes.MapGet("/v1/systems.csv", context => Guarded(context, () => SystemsCsv(context, admin: false)));
        routes.MapGet("/v1/admin/systems.csv", context => Guarded(context, () => SystemsCsv(context, admin: true)));
        routes.MapGet("/v1/admin/totals", context => Guarded(context, () => Totals(context, admin: true, csv: context.Request.Query["format"] == "csv")));
        routes.MapGet("/v1/admin/totals.csv", context => Guarded(context, () => Totals(context, admin: true, csv: true)));
        routes.MapGet("/v1/admin/countme/totals.csv", context => Guarded(context, () => CountmeCsv(context, admin: true)));
        new CountmeSystemsEndpoint(store, settings, clock).Map(routes);
    }

    // Storage that cannot be read is a 503 to retry, not a 500.
    private static async Task Guarded(HttpContext context, Func<Task> read)
    {
        try
        {
            await read().ConfigureAwait(false);
        }
        catch (Exception e) when ((e is System.Data.Common.DbException or StorageUnavailableException or InvalidOperationException) && !context.Response.HasStarted)
        {
            await ProblemResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "storage is unavailable; retry later", retryAfter: TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static Task WriteCsv(HttpContext context, StringBuilder csv, string fileName)
    {
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        return context.Response.WriteAsync(csv.ToString(), context.RequestAborted);
    }

    private async Task<bool> Refused(HttpContext context, bool admin)
    {
        if (!admin)
        {
            return false;
        }

        if (!adminToken.IsEnabled)
        {
            await ProblemResponse.WriteAsync(context, StatusCodes.Status404NotFound, "the admin API is off (no admin.token_file)").ConfigureAwait(false);
            return true;
        }

        if (!adminToken.Authorizes(context.Request))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await ProblemResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, "the admin API needs the bearer token").ConfigureAwait(false);
            return true;
        }

        return false;
    }

    private async Task Totals(HttpContext context, bool admin, bool csv)
    {
        if (await Refused(context, admin).ConfigureAwait(false))
        {
            return;
        }

        var (query, problem) = TotalsRequest.Parse(context.Request.Query);
        if (query is null)
        {
            await ProblemResponse.WriteAsync(context, StatusCodes.Status400BadRequest, "invalid totals query", [problem!]).ConfigureAwait(false);
            return;
        }

        var snapshot = store.ReadTotals(query);
        if (!admin)
        {
            snapshot = CellSuppression.Apply(snapshot, settings.MinCount);
        }

        if (csv)
        {
            var text = new StringBuilder(CsvText.Line("window", "start", "field", "value", "count"));
            foreach (var row in snapshot.Reports)
            {
                text.Append(CsvText.Line(row.Window.KindName, row.Window.StartText, "reports", string.Empty, Number(row.Reports)));
            }

            foreach (var cell in snapshot.Cells)
            {
                text.Append(CsvText.Line(cell.Window.KindName, cell.Window.StartText, cell.Field, cell.Value, Number(cell.Count)));
            }

            await WriteCsv(context, text, "totals.csv").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await TotalsJson.WriteAsync(context.Response.Body, snapshot, admin ? null : settings.MinCount, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The columns of the systems CSV: the countme tuple of reports, per window, with the platform.</summary>
    public const string SystemsHeader = "window,start,os_name,os_version,os_variant,os_arch,sys_age,platform,count";

    private async Task SystemsCsv(HttpContext context, bool admin)
    {
        if (await Refused(context, admin).ConfigureAwait(false))
        {
            return;
        }

        var (query, problem) = TotalsRequest.Parse(context.Request.Query);
        if (query is null)
        {
            await ProblemResponse.WriteAsync(context, StatusCodes.Status400BadRequest, "invalid totals query", [problem!]).ConfigureAwait(false);
            return;
        }

        var snapshot = store.ReadTotals(query);
        var systems = admin ? snapshot.Systems : CellSuppression.Apply(snapshot, settings.MinCount).Systems;
        var text = new StringBuilder(SystemsHeader + "\n");
        foreach (var row in systems)
        {
            var system = row.System;
            text.Append(CsvText.Line(row.Window.KindName, row.Window.StartText, system.OsName, system.OsVersion, system.OsVariant,
                system.OsArch, system.SysAge, system.Platform, Number(row.Count)));
        }

        await WriteCsv(context, text, "systems.csv").ConfigureAwait(false);
    }

    private async Task CountmeCsv(HttpContext context, bool admin)
    {
        if (await Refused(context, admin).ConfigureAwait(false))
        {
            return;
        }

        // Like mirrors-countme, only complete weeks are published; ?provisional=1 adds the current one, and says so.
        var currentWeek = CountingCalendar.WeekNumber(clock.GetUtcNow());
        var provisional = context.Request.Query["provisional"] == "1";
        var lastWeek = provisional ? currentWeek : currentWeek - 1;
        var rows = store.ReadCountme(DateOnly.MinValue, CountingCalendar.WeekStart(lastWeek));
        if (!admin)
        {
            rows = CellSuppression.Suppress(rows, r => r.Key.WeekStart, r => r.Hits, settings.MinCount);
        }

        var text = new StringBuilder(CountmeHeader + "\n");
        foreach (var row in rows)
        {
            var key = row.Key;
            text.Append(CsvText.Line(Day(key.WeekStart), Day(key.WeekStart.AddDays(6)), Number(row.Hits),
                key.OsName, key.OsVersion, key.OsVariant, key.OsArch, key.SysAge, key.RepoTag, key.RepoArch));
        }

        if (provisional)
        {
            context.Response.Headers["Pinger-Provisional-Week"] = Day(CountingCalendar.WeekStart(currentWeek));
        }

        await WriteCsv(context, text, provisional ? "countme-totals-provisional.csv" : "countme-totals.csv").ConfigureAwait(false);
    }
}
