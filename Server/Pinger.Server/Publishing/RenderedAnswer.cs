namespace Pinger.Server.Publishing;

/// <summary>A public answer rendered once: its bytes, their entity tag and when it is rendered afresh.</summary>
/// <param name="Body">The bytes sent.</param>
/// <param name="ETag">A digest of <paramref name="Body"/>, quoted.</param>
/// <param name="Expires">When the cache renders it again.</param>
public sealed record RenderedAnswer(byte[] Body, string ETag, DateTimeOffset Expires)
{
    /// <summary>Whether a request's <c>If-None-Match</c> values name this answer (or "*").</summary>
    public bool MatchesAny(IEnumerable<string?> ifNoneMatch) =>
        ifNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == ETag || t.Trim() == "*"));
}
