using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pinger.Protocol.Reports;
using Pinger.Protocol.Windows;
using Pinger.Server.Publishing;
using Pinger.Server.Registry;
using Pinger.Server.Storage;

namespace Pinger.Server.Dashboard;

/// <summary>
/// The public dashboard at <c>/</c> and its stylesheet. The page is rendered on the server from published counts
/// and sent with a policy that allows nothing but the stylesheet from this origin: no script, no frames, no
/// other origin, forms only back to this server. Each view is rendered once per day (released windows never
/// change) and served from memory with an ETag; a browser revalidating gets 304.
/// </summary>
public sealed class DashboardEndpoints
{
    /// <summary>The Content-Security-Policy of every dashboard page.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private readonly DashboardStylesheet _stylesheet = DashboardStylesheet.Load();
    private readonly TotalsRelease _published;
    private readonly decimal _epsilon;
    private readonly FieldRegistrySource _registry;
    private readonly TimeProvider _clock;
    private readonly RenderedAnswers _pages;

    /// <summary>Serves <paramref name="published"/>, which must be a private release: the page is public.</summary>
    public DashboardEndpoints(TotalsRelease published, FieldRegistrySource registry, TimeProvider clock)
    {
        _published = published;
        _epsilon = published.Epsilon ?? throw new ArgumentException("the dashboard is public: it needs the differentially private release", nameof(published));
        _registry = registry;
        _clock = clock;
        _pages = new RenderedAnswers(clock, TimeSpan.FromMinutes(1));
    }

    /// <summary>Maps the routes.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", Page);
        routes.MapGet(DashboardStylesheet.Path, Stylesheet);
    }

    private async Task Page(HttpContext context)
    {
        var response = context.Response;
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-cache";

        var (query, problem) = DashboardRequest.Parse(context.Request.Query);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        WindowRange? range = null;
        if (query is not null)
        {
            (range, problem) = WindowRange.Resolve(query, today);
        }

        if (query is null || range is null)
        {
            await Write(context, StatusCodes.Status400BadRequest, ErrorPage.Render("This view cannot be shown", problem!, _stylesheet.Href)).ConfigureAwait(false);
            return;
        }

        var registry = _registry.Current;
        var key = string.Join('|', Html.Day(today), CountingWindow.NameOf(range.Kind), Breakdowns.NameOf(query.Breakdown),
            Html.Day(range.From), Html.Day(range.To), range.Explicit ? "chosen" : "default", RuntimeHelpers.GetHashCode(registry).ToString(CultureInfo.InvariantCulture));
        RenderedAnswer page;
        try
        {
            page = _pages.Get(key, () => Encoding.UTF8.GetBytes(DashboardPage.Render(DashboardReader.Read(_published, _epsilon, query, range, registry, today), today, _stylesheet.Href)));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or StorageUnavailableException or InvalidOperationException)
        {
            response.Headers.RetryAfter = "30";
            var unavailable = new ReportProblem("storage", "the counts cannot be read right now; try again in a minute");
            await Write(context, StatusCodes.Status503ServiceUnavailable, ErrorPage.Render("The counts are unavailable", unavailable, _stylesheet.Href)).ConfigureAwait(false);
            return;
        }

        response.Headers.ETag = page.ETag;
        if (page.MatchesAny(context.Request.Headers.IfNoneMatch))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = page.Body.Length;
        await response.Body.WriteAsync(page.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task Write(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }

    private Task Stylesheet(HttpContext context)
    {
        var response = context.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ETag = _stylesheet.ETag;

        // The page links it with its digest in the URL, so a cached copy is never stale.
        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        if (context.Request.Headers.IfNoneMatch == _stylesheet.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = "text/css; charset=utf-8";
        response.ContentLength = _stylesheet.Content.Length;
        return response.Body.WriteAsync(_stylesheet.Content, context.RequestAborted).AsTask();
    }
}
