namespace Pinger.Server.Publishing;

/// <summary>A public answer rendered once: its bytes, their entity tag and when it is rendered afresh.</summary>
/// <param name="Body">The bytes sent.</param>
/// <param name="ETag">A digest of <paramref name="Body"/>, quoted.</param>
/// <param name="Expires">When the cache renders it again.</param>
/// <param name="Gzipped">The same bytes gzip-compressed, for an answer that may be sent compressed; otherwise null.</param>
public sealed record RenderedAnswer(byte[] Body, string ETag, DateTimeOffset Expires, byte[]? Gzipped = null)
{
    /// <summary>The entity tag of the compressed form: another representation, so another tag.</summary>
    public string GzippedETag => ETag[..^1] + "-gzip\"";

    /// <summary>Whether a request's <c>If-None-Match</c> values name <paramref name="etag"/> (or "*").</summary>
    public static bool Matches(IEnumerable<string?> ifNoneMatch, string etag) =>
        ifNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*"));

    /// <summary>Whether a request's <c>If-None-Match</c> values name this answer's uncompressed form (or "*").</summary>
    public bool MatchesAny(IEnumerable<string?> ifNoneMatch) => Matches(ifNoneMatch, ETag);
}
