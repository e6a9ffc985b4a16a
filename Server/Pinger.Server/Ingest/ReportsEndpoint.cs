using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Pinger.Protocol.Reports;
using Pinger.Server.Configuration;
using Pinger.Server.Operations;
using Pinger.Server.Registry;
using Pinger.Server.Storage;

namespace Pinger.Server.Ingest;

/// <summary>
/// POST /v1/reports: checks cheapest first (rate, media type, size), then the report itself, then waits until the
/// commit loop has made its counts durable. 2xx therefore means "counted, or already counted" (200 naming the probes the
/// registry does not know, which were left out; 204 when there were none); anything else means "not counted": 4xx must
/// not be retried, 429 and 503 may be.
/// </summary>
public sealed class ReportsEndpoint(
    ServerSettings settings, FieldRegistrySource registry, IngestQueue queue, ClientRateLimiter limiter, ServerMetrics metrics, TimeProvider clock)
{
    private static readonly TimeSpan QueueFullRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StorageRetry = TimeSpan.FromSeconds(30);

    /// <summary>Handles one request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        if (!limiter.TryAcquire(context))
        {
            CloseWhenBodyIsLeftUnread(context);
            Reject(ReportRejection.RateLimited);
            await ProblemResponse.WriteAsync(context, StatusCodes.Status429TooManyRequests, "too many requests from this address", retryAfter: TimeSpan.FromMinutes(1)).ConfigureAwait(false);
            return;
        }

        if (!IsJson(context.Request.ContentType))
        {
            CloseWhenBodyIsLeftUnread(context);
            Reject(ReportRejection.UnsupportedMediaType);
            await ProblemResponse.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "reports must be sent as application/json in UTF-8").ConfigureAwait(false);
            return;
        }

        if (!IsIdentity(context.Request.Headers.ContentEncoding))
        {
            // Nothing is decompressed: a compressed body would otherwise be read as (bad) JSON, and cannot expand.
            context.Response.Headers.AcceptEncoding = "identity";
            CloseWhenBodyIsLeftUnread(context);
            Reject(ReportRejection.UnsupportedMediaType);
            await ProblemResponse.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "reports must be sent without a Content-Encoding").ConfigureAwait(false);
            return;
        }

        byte[]? body;
        try
        {
            body = await BoundedBodyReader.ReadAsync(context, settings.MaxBodyBytes).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException)
        {
            // Broken framing (a bad chunk, a chunk size that overflows, a body cut short) or a body too slow to arrive:
            // the client's fault, answered as such instead of as an unhandled error. Nothing is left to answer when
            // the client is gone.
            Reject(ReportRejection.UnreadableBody);
            if (!context.RequestAborted.IsCancellationRequested)
            {
                context.Response.Headers.Connection = "close";
                var status = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
                await ProblemResponse.WriteAsync(context, status, "the request body could not be read").ConfigureAwait(false);
            }

            return;
        }

        if (body is null)
        {
            context.Response.Headers.Connection = "close";
            Reject(ReportRejection.TooLarge);
            await ProblemResponse.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, $"the report is larger than {settings.MaxBodyBytes} bytes").ConfigureAwait(false);
            return;
        }

        var fields = registry.Current;
        var result = new ReportReader(fields, clock.GetUtcNow(), settings.ClockSkew).Read(body);
        if (result.Report is not { } received)
        {
            var (status, title) = result.Verdict == ReportVerdict.Malformed
                ? (StatusCodes.Status400BadRequest, "the body is not a JSON report")
                : (StatusCodes.Status422UnprocessableEntity, "the report does not follow the schema");
            Reject(result.Verdict == ReportVerdict.Malformed ? ReportRejection.Malformed : ReportRejection.Invalid);
            await ProblemResponse.WriteAsync(context, status, title, result.Problems).ConfigureAwait(false);
            return;
        }

        if (queue.TryEnqueue(ReportCounting.Of(received, fields)) is not { } committed)
        {
            Reject(ReportRejection.Busy);
            await ProblemResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "the server is busy; retry later", retryAfter: QueueFullRetry).ConfigureAwait(false);
            return;
        }

        try
        {
            await committed.ConfigureAwait(false);
        }
        catch (StorageUnavailableException)
        {
            Reject(ReportRejection.StorageUnavailable);
            await ProblemResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "storage is unavailable; retry later", retryAfter: StorageRetry).ConfigureAwait(false);
            return;
        }

        await CountedAnswer.WriteAsync(context, received).ConfigureAwait(false);
    }

    private void Reject(string reason) => metrics.ReportsRejected.WithLabels(reason).Inc();

    // A refusal that leaves the body unread: Kestrel drains it after the answer, and aborts the connection when it is
    // above the body limit. Without "Connection: close" the client would send its next request on that connection.
    private void CloseWhenBodyIsLeftUnread(HttpContext context)
    {
        var chunked = context.Request.ContentLength is null && context.Request.Headers.TransferEncoding.Count > 0;
        if (chunked || context.Request.ContentLength > settings.MaxBodyBytes)
        {
            context.Response.Headers.Connection = "close";
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!media.Charset.HasValue || HeaderUtilities.RemoveQuotes(media.Charset).Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static bool IsIdentity(Microsoft.Extensions.Primitives.StringValues contentEncoding) =>
        contentEncoding.All(value => value is null || value.Split(',').All(coding => coding.Trim().Length == 0 || coding.Trim().Equals("identity", StringComparison.OrdinalIgnoreCase)));
}
