using System.Text.RegularExpressions;

namespace Pinger.Server.Countme;

/// <summary>
/// Reads the OS fields out of a libdnf or rpm-ostree User-Agent with mirrors-countme's own pattern:
/// <c>(libdnf|rpm-ostree)[/version] (NAME VERSION_ID; VARIANT_ID; os.arch)</c>, where the version is
/// <c>[0-9a-z._-]*?</c> and the variant <c>[0-9a-z._-]*</c> (so it may be empty). The whole header must
/// match, or the result is null (plain <c>libdnf</c> without os-release, <c>dnf/4.14.0</c>, browsers, prefixes).
/// Both the log importer and the live <c>/metalink</c> endpoint count any other User-Agent (see <see cref="Client"/>)
/// with empty OS fields, as mirrors-countme does since 2023. One rule stricter than mirrors-countme: an OS field
/// longer than <see cref="MaxFieldLength"/>, with a character outside printable ASCII or with one of <c>&lt;&gt;"'&amp;`\</c>
/// (markup, never in an os-release NAME) is not kept as given, the
/// header then counts as any other User-Agent (empty OS fields), so nothing but short plain text reaches a total.
/// </summary>
public static partial class CountmeUserAgent
{
    /// <summary>Longer headers are not countme clients: real ones are under 100 characters, and the bound
    /// keeps a log line stuffed with fake requests from making every one of them a long regex match.</summary>
    public const int MaxLength = 1024;

    /// <summary>The longest OS field kept: real ones ("Red Hat Enterprise Linux", "x86_64") are far shorter.</summary>
    public const int MaxFieldLength = 64;

    /// <summary>The OS fields of a User-Agent as both countme paths count it: those of the libdnf/rpm-ostree form
    /// (see <see cref="Parse"/>), else empty ones (<see cref="CountmeClient.Unknown"/>); null only for a header
    /// with a double quote that is not the form, which mirrors-countme's log pattern cannot read as a hit. A header of
    /// the form whose fields are not kept (see <see cref="Parse"/>) is still a hit, as in mirrors-countme.</summary>
    public static CountmeClient? Client(string? userAgent) => Read(userAgent) switch
    {
        (_, { } client) => client,
        (true, null) => CountmeClient.Unknown,
        _ => userAgent?.Contains('"', StringComparison.Ordinal) == true ? null : CountmeClient.Unknown,
    };

    /// <summary>The OS fields of the libdnf/rpm-ostree form, or null when the header is not that form or a field
    /// is over <see cref="MaxFieldLength"/>, outside printable ASCII or holds markup.</summary>
    public static CountmeClient? Parse(string? userAgent) => Read(userAgent).Client;

    // Whether the header has the form, and its fields when they may be kept.
    private static (bool IsForm, CountmeClient? Client) Read(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent) || userAgent.Length > MaxLength)
        {
            return (false, null);
        }
        Match match;
        try
        {
            match = Pattern().Match(userAgent);
        }
        catch (RegexMatchTimeoutException)
        {
            return (false, null);
        }
        if (!match.Success)
        {
            return (false, null);
        }
        var client = new CountmeClient(match.Groups["name"].Value, match.Groups["version"].Value, match.Groups["variant"].Value, match.Groups["arch"].Value);
        return (true, IsPlain(client.OsName) && IsPlain(client.OsVersion) && IsPlain(client.OsVariant) && IsPlain(client.OsArch) ? client : null);
    }

    // Printable ASCII (space to tilde) and short: what a published CSV cell or a dashboard label may show as given.
    // Markup and quoting characters are no os-release NAME's either; they would only carry script or HTML into a label.
    private static bool IsPlain(string field) =>
        field.Length <= MaxFieldLength && !field.AsSpan().ContainsAnyExceptInRange(' ', '~') && field.AsSpan().IndexOfAny(MarkupCharacters) < 0;

    private static readonly System.Buffers.SearchValues<char> MarkupCharacters = System.Buffers.SearchValues.Create("<>\"'&`\\");

    // mirrors-countme compiles its pattern with re.ASCII, so \s, \S and \w are spelled out as ASCII classes
    // here: .NET's would also accept Unicode spaces and letters. Greedy name, lazy version: same backtracking
    // order as Python's re, so "Fedora Linux 39" splits the same way. The timeout bounds hostile headers.
    [GeneratedRegex(
        @"\A(?:libdnf|rpm-ostree)(?:/[^\t\n\v\f\r ]+)?[\t\n\v\f\r ]+\((?<name>.*)[\t\n\v\f\r ](?<version>[0-9a-z._-]*?);[\t\n\v\f\r ](?<variant>[0-9a-z._-]*);[\t\n\v\f\r ][A-Za-z0-9_./]+\.(?<arch>[A-Za-z0-9_]+)\)\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
