using System.Net;
using System.Text;
using Pinger.Protocol.Windows;

namespace Pinger.Server.Countme;

/// <summary>
/// Decides what one Combined Log Format line means for countme, with mirrors-countme's rules: GET or HEAD
/// of /metalink or /mirrorlist with a query, status 200 or 302, any User-Agent without a double quote (the
/// OS fields filled only when it has the libdnf/rpm-ostree form), and a countme parameter that Python's
/// <c>int()</c> reads as zero or more (mirrors-countme also keeps the other lines, with age -1, for
/// per-address statistics, and its totals leave every negative age out). One instance per import: it caches
/// User-Agents and field values, which repeat endlessly.
/// </summary>
internal sealed class AccessLogLineParser
{
    private const int AgentCacheLimit = 10_000;

    private readonly char[] _chars;
    private readonly InternPool _strings = new();
    private readonly Dictionary<string, CountmeClient?> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CountmeClient?>.AlternateLookup<ReadOnlySpan<char>> _agentLookup;

    public AccessLogLineParser(int maxLineBytes)
    {
        _chars = new char[maxLineBytes];
        _agentLookup = _agents.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Parses one line (without its LF, at most maxLineBytes long). The first field, the client
    /// address, is only checked for shape on the raw bytes and skipped: it is never decoded, kept or returned.</summary>
    public AccessLogLine Parse(ReadOnlySpan<byte> line)
    {
        var hostEnd = line.IndexOfAny(" \t\n\v\f\r"u8);
        if (hostEnd <= 0)
        {
            return AccessLogLine.Malformed;
        }
        var text = _chars.AsSpan(0, Encoding.UTF8.GetChars(line[(hostEnd + 1)..], _chars));
        var cursor = 0;
        var wellFormed = false;
        while (CombinedLogFields.TryParseNext(text, ref cursor, out var fields))
        {
            wellFormed |= !fields.UserAgent.IsEmpty;
            if (IsCountmeRequest(fields) && Client(fields.UserAgent) is { } client)
            {
                return Count(fields, client, hostEnd);
            }
        }
        return wellFormed ? AccessLogLine.NotCounted : AccessLogLine.Malformed;
    }

    // COUNTME_LOG_RE's method, path, query and status; its User-Agent is checked by Client.
    private static bool IsCountmeRequest(CombinedLogFields fields) =>
        fields.Method is "GET" or "HEAD" && fields.Path is "/metalink" or "/mirrorlist" && fields.HasQuery
        && fields.Status is "200" or "302";

    private AccessLogLine Count(CombinedLogFields fields, CountmeClient client, int addressLength)
    {
        var query = CountmeQueryFields.Parse(fields.Query);
        if (query.Countme.IsEmpty)
        {
            return AccessLogLine.NotCounted;
        }
        var countme = CountmeQueryFields.NeedsDecoding(query.Countme) ? WebUtility.UrlDecode(query.Countme.ToString()) : query.Countme;
        if (!PythonInteger.TryParse(countme, out var age, out var negative) || !LogTimestamp.TryParseUnixSeconds(fields.Time, out var unixSeconds))
        {
            return AccessLogLine.Malformed;
        }
        if (negative)
        {
            return AccessLogLine.NotCounted;
        }
        var week = CountingCalendar.WeekStart(CountingCalendar.WeekNumberOfUnixTime(unixSeconds));
        return AccessLogLine.Counted(new CountmeTotalsKey(
            week, client.OsName, client.OsVersion, client.OsVariant, client.OsArch, _strings.Intern(age), Value(query.Repo), Value(query.Arch)),
            unixSeconds, addressLength);
    }

    // COUNTME_LOG_RE's User-Agent is the libdnf/rpm-ostree form or else [^"]*: CountmeUserAgent.Client, the rule the
    // live endpoint uses too. Cached with its interned fields.
    private CountmeClient? Client(ReadOnlySpan<char> userAgent)
    {
        if (_agentLookup.TryGetValue(userAgent, out var cached))
        {
            return cached;
        }
        var text = userAgent.ToString();
        var client = CountmeUserAgent.Client(text);
        if (client is not null && !ReferenceEquals(client, CountmeClient.Unknown))
        {
            client = new CountmeClient(_strings.Intern(client.OsName), _strings.Intern(client.OsVersion),
                _strings.Intern(client.OsVariant), _strings.Intern(client.OsArch));
        }
        if (_agents.Count < AgentCacheLimit)
        {
            _agents[text] = client;
        }
        return client;
    }

    private string Value(ReadOnlySpan<char> raw) =>
        CountmeQueryFields.NeedsDecoding(raw) ? _strings.Intern(WebUtility.UrlDecode(raw.ToString())) : _strings.Intern(raw);
}
