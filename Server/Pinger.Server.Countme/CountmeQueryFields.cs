using System.Globalization;
using System.Net;

namespace Pinger.Server.Countme;

/// <summary>
/// The raw (still percent-encoded) last values of repo, arch and countme in a query, read as Python's
/// <c>dict(parse_qsl(query))</c> does: pairs split on '&amp;', names decoded before they are compared,
/// pairs without '=' or with an empty value skipped. An absent value is an empty span. Spans, so the log
/// importer allocates nothing for the many lines it does not count.
/// </summary>
internal readonly ref struct CountmeQueryFields
{
    public ReadOnlySpan<char> Repo { get; private init; }
    public ReadOnlySpan<char> Arch { get; private init; }
    public ReadOnlySpan<char> Countme { get; private init; }

    public static CountmeQueryFields Parse(ReadOnlySpan<char> query)
    {
        ReadOnlySpan<char> repo = default, arch = default, countme = default;
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            var equals = pair.IndexOf('=');
            if (equals < 0 || equals == pair.Length - 1)
            {
                continue;
            }
            var rawName = pair[..equals];
            var name = NeedsDecoding(rawName) ? WebUtility.UrlDecode(rawName.ToString()).AsSpan() : rawName;
            var value = pair[(equals + 1)..];
            if (name.SequenceEqual("repo"))
            {
                repo = value;
            }
            else if (name.SequenceEqual("arch"))
            {
                arch = value;
            }
            else if (name.SequenceEqual("countme"))
            {
                countme = value;
            }
        }
        return new CountmeQueryFields { Repo = repo, Arch = arch, Countme = countme };
    }

    /// <summary>A raw value decoded ('+' is a space, %XX a UTF-8 byte), or null when absent.</summary>
    public static string? Decode(ReadOnlySpan<char> raw) =>
        raw.IsEmpty ? null : NeedsDecoding(raw) ? WebUtility.UrlDecode(raw.ToString()) : raw.ToString();

    /// <summary>Python's <c>int()</c> (see <see cref="PythonInteger"/>), when the value fits an int.</summary>
    public static int? ParseAge(ReadOnlySpan<char> decoded) =>
        PythonInteger.TryParse(decoded, out var canonical, out _)
        && int.TryParse(canonical, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var age) ? age : null;

    public static bool NeedsDecoding(ReadOnlySpan<char> raw) => raw.ContainsAny('%', '+');
}
