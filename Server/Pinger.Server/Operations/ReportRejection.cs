namespace Pinger.Server.Operations;

/// <summary>
/// Why POST /v1/reports refused a report: the fixed label values of <c>pinger_server_ingest_rejections_total</c>.
/// Fixed here, never taken from the request, so a client cannot add series to /metrics.
/// </summary>
public static class ReportRejection
{
    /// <summary>429: the address sent too many requests.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>415: not JSON in UTF-8, or sent with a Content-Encoding.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>400 or Kestrel's status: the body's framing was broken or it arrived too slowly.</summary>
    public const string UnreadableBody = "unreadable_body";

    /// <summary>413: the body is over the configured size.</summary>
    public const string TooLarge = "too_large";

    /// <summary>400: the body is not a JSON report.</summary>
    public const string Malformed = "malformed";

    /// <summary>422: the report does not follow the schema or the field registry.</summary>
    public const string Invalid = "invalid";

    /// <summary>503: the ingest queue was full.</summary>
    public const string Busy = "busy";

    /// <summary>503: the commit failed.</summary>
    public const string StorageUnavailable = "storage_unavailable";

    /// <summary>Every reason, so each series is on /metrics from the start, at zero.</summary>
    public static IReadOnlyList<string> All { get; } = [RateLimited, UnsupportedMediaType, UnreadableBody, TooLarge, Malformed, Invalid, Busy, StorageUnavailable];
}
