using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pinger.Protocol.Exposition;
using Pinger.Protocol.Reports;
using Pinger.Server.Operations;
using Pinger.Server.Registry;
using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>
/// The published aggregates: the counters per window (JSON or CSV), Fedora's weekly countme totals with its
/// exact columns, and the latest ended windows as Prometheus gauges. Public routes render the public release, of
/// ended windows and complete weeks only, with an ETag (the kept releases never change, so neither does an answer);
/// the admin API, behind its bearer token, renders the exact counters, open windows included.
/// </summary>
/// <param name="published">The public release (differentially private).</param>
/// <param name="unsuppressed">The admin API's release.</param>
/// <param name="adminToken">The admin API's token.</param>
/// <param name="registry">The field registry in force: a <c>field</c> filter must name one of its fields.</param>
/// <param name="clock">Tells the current week, which keys the public countme file's rendering, and which windows ended last, for the metrics.</param>
public sealed class TotalsEndpoints(TotalsRelease published, TotalsRelease unsuppressed, AdminToken adminToken, FieldRegistrySource registry, TimeProvider? clock = null)
{
    // The public countme file is all complete weeks: the same until a week ends or totals are imported.
    private readonly RenderedAnswers _countmeFiles = new(clock ?? TimeProvider.System, TimeSpan.FromMinutes(1), capacity: 4);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Maps the routes.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/totals", context => Guarded(context, () => Totals(context, admin: false, csv: context.Request.Query["format"] == "csv")));
        routes.MapGet("/v1/totals.csv", context => Guarded(context, () => Totals(context, admin: false, csv: true)));
        routes.MapGet("/v1/countme/totals.csv", context => Guarded(context, () => CountmeFile(context, admin: false)));
        routes.MapGet("/v1/systems.csv", context => Guarded(context, () => Systems(context, admin: false)));
        routes.MapGet("/v1/admin/systems.csv", context => Guarded(context, () => Systems(context, admin: true)));
        routes.MapGet("/v1/admin/totals", context => Guarded(context, () => Totals(context, admin: true, csv: context.Request.Query["format"] == "csv")));
        routes.MapGet("/v1/admin/totals.csv", context => Guarded(context, () => Totals(context, admin: true, csv: true)));
        routes.MapGet("/v1/admin/countme/totals.csv", context => Guarded(context, () => CountmeFile(context, admin: true)));
        routes.MapGet("/v1/countme/systems.csv", context => Guarded(context, () => CountmeSystems(context)));
        routes.MapGet("/v1/totals/metrics", context => Guarded(context, () => Metrics(context)));
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

    private static Task WriteCsv(HttpContext context, string csv, string fileName, bool admin)
    {
        context.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        return Write(context, System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", admin);
    }

    // Public answers carry an ETag and a matching If-None-Match gets 304; the admin API's live counters get neither.
    private static async Task Write(HttpContext context, byte[] body, string contentType, bool admin)
    {
        context.Response.ContentType = contentType;
        if (!admin)
        {
            var etag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..32] + "\"";
            context.Response.Headers.ETag = etag;
            if (new RenderedAnswer(body, etag, default).MatchesAny(context.Request.Headers.IfNoneMatch))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<TotalsQuery?> Query(HttpContext context)
    {
        var (query, problem) = TotalsRequest.Parse(context.Request.Query);
        if (query?.Field is { } field && !IsPublishedField(field))
        {
            // Well-formed but unknown: an empty answer would read as "nobody reported it".
            (query, problem) = (null, new ReportProblem("field", "must name a field of this server's registry, or \"" + PrivacyBudget.AgePart + "\""));
        }

        if (query is null)
        {
            await ProblemResponse.WriteAsync(context, StatusCodes.Status400BadRequest, "invalid totals query", [problem!]).ConfigureAwait(false);
        }

        return query;
    }

    private bool IsPublishedField(string field) =>
        field == PrivacyBudget.AgePart
        || (field.Split('.') is [var probe, var name] && registry.Current.Find(probe, name) is not null);

    // The release a request may see, or null once the refusal has been written.
    private async Task<TotalsRelease?> Release(HttpContext context, bool admin)
    {
        if (!admin)
        {
            return published;
        }

        if (!adminToken.IsEnabled)
        {
            await ProblemResponse.WriteAsync(context, StatusCodes.Status404NotFound, "the admin API is off (no admin.token_file)").ConfigureAwait(false);
            return null;
        }

        if (!adminToken.Authorizes(context.Request))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await ProblemResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, "the admin API needs the bearer token").ConfigureAwait(false);
            return null;
        }

        return unsuppressed;
    }

    private async Task Totals(HttpContext context, bool admin, bool csv)
    {
        if (await Release(context, admin).ConfigureAwait(false) is not { } release || await Query(context).ConfigureAwait(false) is not { } query)
        {
            return;
        }

        var totals = release.Totals(query);
        if (csv)
        {
            await WriteCsv(context, TotalsCsv.Write(totals), "totals.csv", admin).ConfigureAwait(false);
            return;
        }

        if (admin)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await TotalsJson.WriteAsync(context.Response.Body, totals, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        // Public answers are ended windows only, so they are small enough to hash before sending.
        using var buffer = new MemoryStream();
        await TotalsJson.WriteAsync(buffer, totals, context.RequestAborted).ConfigureAwait(false);
        await Write(context, buffer.ToArray(), "application/json; charset=utf-8", admin).ConfigureAwait(false);
    }

    private async Task Systems(HttpContext context, bool admin)
    {
        if (await Release(context, admin).ConfigureAwait(false) is not { } release || await Query(context).ConfigureAwait(false) is not { } query)
        {
            return;
        }

        await WriteCsv(context, SystemsCsv.Write(release.Totals(query)), "systems.csv", admin).ConfigureAwait(false);
    }

    private async Task CountmeFile(HttpContext context, bool admin)
    {
        if (await Release(context, admin).ConfigureAwait(false) is not { } release)
        {
            return;
        }

        var provisional = context.Request.Query["provisional"] == "1";
        if (provisional && !admin)
        {
            await ProblemResponse.WriteAsync(context, StatusCodes.Status404NotFound,
                "the current week is still open: only complete weeks are published (the admin API has the open one)").ConfigureAwait(false);
            return;
        }

        if (!admin)
        {
            var currentWeek = Pinger.Protocol.Windows.CountingCalendar.WeekNumber(_clock.GetUtcNow());
            var answer = _countmeFiles.Get(currentWeek.ToString(System.Globalization.CultureInfo.InvariantCulture),
                () => System.Text.Encoding.UTF8.GetBytes(CountmeCsv.Write(release.CountmeFile(provisional: false))), gzip: true);

            // The file echoes nothing of the request, so sending it compressed gives nothing away (no BREACH).
            var gzip = answer.Gzipped is not null && AcceptsGzip(context.Request);
            var etag = gzip ? answer.GzippedETag : answer.ETag;
            context.Response.Headers.ContentDisposition = "inline; filename=\"countme-totals.csv\"";
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.Vary = "Accept-Encoding";
            context.Response.Headers.ETag = etag;
            if (RenderedAnswer.Matches(context.Request.Headers.IfNoneMatch, etag))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            if (gzip)
            {
                context.Response.Headers.ContentEncoding = "gzip";
            }

            var body = gzip ? answer.Gzipped! : answer.Body;
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var countme = release.CountmeFile(provisional);
        if (countme.ProvisionalWeek is { } week)
        {
            context.Response.Headers["Pinger-Provisional-Week"] = CountmeCsv.Day(week);
        }

        await WriteCsv(context, CountmeCsv.Write(countme), countme.ProvisionalWeek is null ? "countme-totals.csv" : "countme-totals-provisional.csv", admin).ConfigureAwait(false);
    }

    // "gzip" among the request's codings, not refused with q=0.
    private static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.Any(v => v is not null && v.Split(',').Select(c => c.Trim()).Any(c =>
            c.Split(';') is [var coding, .. var parameters] && coding.Trim().Equals("gzip", StringComparison.OrdinalIgnoreCase)
            && !parameters.Any(p => p.Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000")));

    // The latest ended windows for Prometheus: public only, from the public release like every other public view.
    private async Task Metrics(HttpContext context)
    {
        var released = TotalsMetrics.LatestEnded(_clock.GetUtcNow())
            .Select(window => published.Totals(new TotalsQuery(window.Kind, window.Start, window.Start, null)))
            .ToArray();
        var openMetrics = context.Request.Headers.Accept.Any(v => v is not null && v.Contains("application/openmetrics-text", StringComparison.OrdinalIgnoreCase));
        var format = openMetrics ? MetricsTextFormat.OpenMetrics : MetricsTextFormat.Prometheus;
        var text = MetricsTextWriter.Write(TotalsMetrics.Families(released), format);
        await Write(context, System.Text.Encoding.UTF8.GetBytes(text), openMetrics ? MetricsTextWriter.OpenMetricsContentType : MetricsTextWriter.PrometheusContentType, admin: false).ConfigureAwait(false);
    }

    // Pinger's own weekly systems in countme's shape: public only, since the admin API already has the exact systems.
    private async Task CountmeSystems(HttpContext context) =>
        await WriteCsv(context, CountmeCsv.Write(published.CountmeSystems()), "countme-systems.csv", admin: false).ConfigureAwait(false);
}
