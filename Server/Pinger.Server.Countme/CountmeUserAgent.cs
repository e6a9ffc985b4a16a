using System.Text.RegularExpressions;

namespace Pinger.Server.Countme;

/// <summary>
/// Reads the OS fields out of a libdnf or rpm-ostree User-Agent with mirrors-countme's own pattern:
/// <c>(libdnf|rpm-ostree)[/version] (NAME VERSION_ID; VARIANT_ID; os.arch)</c>, where the version is
/// <c>[0-9a-z._-]*?</c> and the variant <c>[0-9a-z._-]*</c> (so it may be empty). The whole header must
/// match, or the result is null (plain <c>libdnf</c> without os-release, <c>dnf/4.14.0</c>, browsers, prefixes).
/// The log importer still counts such a line, with empty OS fields, as mirrors-countme does since 2023; the
/// live <c>/metalink</c> endpoint counts only this form.
/// </summary>
public static partial class CountmeUserAgent
{
    /// <summary>Longer headers are not countme clients: real ones are under 100 characters, and the bound
    /// keeps a log line stuffed with fake requests from making every one of them a long regex match.</summary>
    public const int MaxLength = 1024;

    public static CountmeClient? Parse(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent) || userAgent.Length > MaxLength)
        {
            return null;
        }
        Match match;
        try
        {
            match = Pattern().Match(userAgent);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        return match.Success
            ? new CountmeClient(match.Groups["name"].Value, match.Groups["version"].Value, match.Groups["variant"].Value, match.Groups["arch"].Value)
            : null;
    }

    // mirrors-countme compiles its pattern with re.ASCII, so \s, \S and \w are spelled out as ASCII classes
    // here: .NET's would also accept Unicode spaces and letters. Greedy name, lazy version: same backtracking
    // order as Python's re, so "Fedora Linux 39" splits the same way. The timeout bounds hostile headers.
    [GeneratedRegex(
        @"\A(?:libdnf|rpm-ostree)(?:/[^\t\n\v\f\r ]+)?[\t\n\v\f\r ]+\((?<name>.*)[\t\n\v\f\r ](?<version>[0-9a-z._-]*?);[\t\n\v\f\r ](?<variant>[0-9a-z._-]*);[\t\n\v\f\r ][A-Za-z0-9_./]+\.(?<arch>[A-Za-z0-9_]+)\)\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
