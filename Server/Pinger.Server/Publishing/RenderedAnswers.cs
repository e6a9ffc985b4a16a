using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Pinger.Server.Publishing;

/// <summary>
/// Public views rendered once and served from memory. Released windows never change, so a view of them is the same
/// until the day turns (new windows end) or new countme weeks are imported; callers put the day in the key, and each
/// answer is rendered afresh after <c>lifetime</c> so an import or a registry reload shows within that time. A link
/// from a busy site then costs one rendering a minute instead of one per visitor. The cache is bounded: when full it
/// starts over.
/// </summary>
/// <param name="clock">Tells when an answer is too old.</param>
/// <param name="lifetime">How long an answer is served before it is rendered again.</param>
/// <param name="capacity">The most answers kept (one per distinct view asked for).</param>
public sealed class RenderedAnswers(TimeProvider clock, TimeSpan lifetime, int capacity = 512)
{
    private readonly ConcurrentDictionary<string, RenderedAnswer> _answers = new(StringComparer.Ordinal);

    /// <summary>
    /// The answer for <paramref name="key"/>, rendered by <paramref name="render"/> when missing or too old; with
    /// <paramref name="gzip"/> its compressed form is kept beside it (compressed once, not per request).
    /// </summary>
    public RenderedAnswer Get(string key, Func<byte[]> render, bool gzip = false)
    {
        var now = clock.GetUtcNow();
        if (_answers.TryGetValue(key, out var kept) && kept.Expires > now)
        {
            return kept;
        }

        var body = render();
        var answer = new RenderedAnswer(body, "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..32] + "\"", now + lifetime, gzip ? Compress(body) : null);
        if (_answers.Count >= capacity)
        {
            _answers.Clear();
        }

        _answers[key] = answer;
        return answer;
    }

    private static byte[] Compress(byte[] body)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return compressed.ToArray();
    }
}
