using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pinger.Protocol.Windows;
using Pinger.Server.Configuration;
using Pinger.Server.Countme;
using Pinger.Server.Ingest;
using Pinger.Server.Operations;
using Pinger.Server.Storage;

namespace Pinger.Server.Metalink;

/// <summary>
/// GET /metalink and /mirrorlist, counted as the access-log import counts a line (mirrors-countme's rules): a request
/// with a <c>countme</c> value adds one hit to its week's (os, version, variant, arch, age, repo, repo arch) total,
/// with the OS fields of a libdnf or rpm-ostree User-Agent or empty ones for any other (the same
/// <see cref="CountmeUserAgent.Client"/> rule); a negative or non-integer age is not a system and is not counted,
/// as mirrors-countme's totals leave it out. The User-Agent is parsed and dropped; only the totals key is kept.
/// </summary>
public sealed class MetalinkEndpoints(ServerSettings settings, IngestQueue queue, ClientRateLimiter limiter, TimeProvider clock)
{
    private const int MaxQueryTokenLength = 128;

    /// <summary>Maps the routes.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/metalink", ["GET", "HEAD"], context => Handle(context, settings.MetalinkRedirect));
        routes.MapMethods("/mirrorlist", ["GET", "HEAD"], context => Handle(context, settings.MirrorlistRedirect));
    }

    private async Task Handle(HttpContext context, string? redirect)
    {
        if (!limiter.TryAcquire(context))
        {
            await ProblemResponse.WriteAsync(context, StatusCodes.Status429TooManyRequests, "too many requests from this address", retryAfter: TimeSpan.FromMinutes(1)).ConfigureAwait(false);
            return;
        }

        var queryString = context.Request.QueryString.Value ?? string.Empty;
        var (repo, arch, countme) = CountmeQuery.Parse(queryString);
        var client = CountmeUserAgent.Client(context.Request.Headers.UserAgent.ToString());
        if (countme is { } age and >= 0 && client is not null && (repo?.Length ?? 0) <= MaxQueryTokenLength && (arch?.Length ?? 0) <= MaxQueryTokenLength)
        {
            var week = CountingCalendar.WeekStart(CountingCalendar.WeekNumber(clock.GetUtcNow()));
            var key = new CountmeTotalsKey(week, client.OsName, client.OsVersion, client.OsVariant, client.OsArch,
                age.ToString(System.Globalization.CultureInfo.InvariantCulture), repo ?? string.Empty, arch ?? string.Empty);
            if (queue.TryEnqueue(key) is not { } committed)
            {
                await ProblemResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "the server is busy; retry later", retryAfter: TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                return;
            }

            try
            {
                await committed.ConfigureAwait(false);
            }
            catch (StorageUnavailableException)
            {
                await ProblemResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "storage is unavailable; retry later", retryAfter: TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                return;
            }
        }

        if (redirect is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }
        else
        {
            context.Response.Redirect(redirect + queryString);
        }
    }
}
