using System.Text.RegularExpressions;

namespace Pinger.Server.Countme.Tests;

/// <summary>
/// mirrors-countme's own regexes (mirrors_countme/regex.py: LOG_RE and COUNTME_LOG_RE, compiled with
/// re.ASCII), transcribed with the ASCII classes spelled out. The importer splits lines by hand for speed;
/// these are the reference it must agree with.
/// </summary>
internal static partial class MirrorsCountmePatterns
{
    private const string S = @"[\t\n\v\f\r ]";
    private const string NS = @"[^\t\n\v\f\r ]";
    private const string Token = @"[A-Za-z0-9_#$%^!&'*+.`|~-]+";

    private const string UserAgent =
        "(?:libdnf|rpm-ostree)(?:/" + NS + "+)?" + S + @"+\((?<os_name>.*)" + S + "(?<os_version>[0-9a-z._-]*?);" + S
        + "(?<os_variant>[0-9a-z._-]*);" + S + @"[A-Za-z0-9_./]+\.(?<os_arch>[A-Za-z0-9_]+)\)";

    private static string Line(string method, string path, string query, string status, string agent) =>
        "^" + NS + "+" + S + NS + "+" + S + NS + "+" + S + @"\[(?<time>.+?)\]" + S + "\"(?:" + method + ")" + S
        + "(?:" + path + ")" + query + S + @"HTTP/[0-9]\.[0-9]""" + S + "(?:" + status + ")" + S + "(?:[0-9]+|-)" + S
        + "\"[^\"]+\"" + S + "\"(?:" + agent + ")\"" + S + "*$";

    /// <summary>LOG_RE: any access-log line.</summary>
    public static readonly Regex AnyLine = new(
        Line(Token, "[^\\t\\n\\v\\f\\r ?]+", "(?:\\?" + NS + "*)?", "[0-9]+", ".+?"), RegexOptions.CultureInvariant);

    /// <summary>COUNTME_LOG_RE: a line mirrors-countme counts (with or without countme).</summary>
    public static readonly Regex CountmeLine = new(
        Line("GET|HEAD", "/metalink|/mirrorlist", "\\?(?<query>" + NS + "*)", "200|302", UserAgent), RegexOptions.CultureInvariant);
}
