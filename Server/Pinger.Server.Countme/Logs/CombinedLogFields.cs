namespace Pinger.Server.Countme;

/// <summary>
/// The fields of one Combined Log Format line after the client address, split exactly where
/// mirrors-countme's LOG_PATTERN_FORMAT regex (with re.ASCII and its default field patterns) splits them,
/// but by hand: that regex is the slowest part of an import. Every field after the time is determined by
/// its start, so the only choice is where the time ends, tried at each "] \"" as the lazy <c>.+?</c> does;
/// the User-Agent runs to the last quote, after which only whitespace may follow. The User-Agent may be
/// empty here, as COUNTME_LOG_RE allows; LOG_RE does not, which the caller checks.
/// </summary>
internal readonly ref struct CombinedLogFields
{
    public ReadOnlySpan<char> Time { get; private init; }
    public ReadOnlySpan<char> Method { get; private init; }
    public ReadOnlySpan<char> Path { get; private init; }
    public bool HasQuery { get; private init; }
    public ReadOnlySpan<char> Query { get; private init; }
    public ReadOnlySpan<char> Status { get; private init; }
    public ReadOnlySpan<char> UserAgent { get; private init; }

    /// <summary>
    /// Splits the text after the address field and its separator at the next place the time may end,
    /// starting from <paramref name="cursor"/> (0 at first). A regex that demands more of the later fields,
    /// as COUNTME_LOG_RE does of the User-Agent, backtracks to a later end of the time when they do not fit,
    /// so callers ask again until they get a split they accept or false.
    /// </summary>
    public static bool TryParseNext(ReadOnlySpan<char> line, ref int cursor, out CombinedLogFields fields)
    {
        fields = default;
        var i = 0;
        // identity and user: \S+\s each, then the bracketed time.
        if (!NonSpace(line, ref i) || !Space(line, ref i) || !NonSpace(line, ref i) || !Space(line, ref i) || !Char(line, ref i, '['))
        {
            cursor = line.Length;
            return false;
        }
        var timeStart = i;
        var close = Math.Max(cursor, timeStart + 1);
        while (close < line.Length)
        {
            var found = line[close..].IndexOfAny(']', '\n');
            if (found < 0 || line[close + found] == '\n')
            {
                break; // the time is .+? and cannot cross a newline
            }
            close += found;
            if (close + 2 < line.Length && IsSpace(line[close + 1]) && line[close + 2] == '"'
                && TryParseRequest(line, close + 3, out fields))
            {
                fields = fields with { Time = line[timeStart..close] };
                cursor = close + 1;
                return true;
            }
            close++;
        }
        cursor = line.Length;
        return false;
    }

    private static bool TryParseRequest(ReadOnlySpan<char> line, int i, out CombinedLogFields fields)
    {
        fields = default;
        var methodStart = i;
        while (i < line.Length && IsTokenChar(line[i]))
        {
            i++;
        }
        var method = line[methodStart..i];
        if (method.IsEmpty || !Space(line, ref i))
        {
            return false;
        }
        var pathStart = i;
        while (i < line.Length && line[i] != '?' && !IsSpace(line[i]))
        {
            i++;
        }
        var path = line[pathStart..i];
        if (path.IsEmpty)
        {
            return false;
        }
        var hasQuery = i < line.Length && line[i] == '?';
        var query = ReadOnlySpan<char>.Empty;
        if (hasQuery)
        {
            var queryStart = ++i;
            while (i < line.Length && !IsSpace(line[i]))
            {
                i++;
            }
            query = line[queryStart..i];
        }
        if (!Space(line, ref i) || !Protocol(line, ref i) || !Char(line, ref i, '"') || !Space(line, ref i))
        {
            return false;
        }
        var statusStart = i;
        if (!Digits(line, ref i))
        {
            return false;
        }
        var status = line[statusStart..i];
        // nbytes: \d+|-
        if (!Space(line, ref i) || (!Digits(line, ref i) && !Char(line, ref i, '-')) || !Space(line, ref i))
        {
            return false;
        }
        // referrer: "[^"]+"
        if (!Char(line, ref i, '"'))
        {
            return false;
        }
        var referrerEnd = line[i..].IndexOf('"');
        if (referrerEnd <= 0)
        {
            return false;
        }
        i += referrerEnd + 1;
        if (!Space(line, ref i) || !Char(line, ref i, '"'))
        {
            return false;
        }
        var agentStart = i;
        var lastQuote = line.LastIndexOf('"');
        if (lastQuote < agentStart || line[(lastQuote + 1)..].ContainsAnyExcept(Whitespace) || line[agentStart..lastQuote].Contains('\n'))
        {
            return false;
        }
        fields = new CombinedLogFields
        {
            Method = method,
            Path = path,
            HasQuery = hasQuery,
            Query = query,
            Status = status,
            UserAgent = line[agentStart..lastQuote],
        };
        return true;
    }

    // HTTP/\d\.\d
    private static bool Protocol(ReadOnlySpan<char> line, ref int i)
    {
        if (i + 8 > line.Length || !line.Slice(i, 5).SequenceEqual("HTTP/") || !char.IsAsciiDigit(line[i + 5])
            || line[i + 6] != '.' || !char.IsAsciiDigit(line[i + 7]))
        {
            return false;
        }
        i += 8;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> line, ref int i)
    {
        var start = i;
        while (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            i++;
        }
        return i > start;
    }

    private static bool NonSpace(ReadOnlySpan<char> line, ref int i)
    {
        var start = i;
        while (i < line.Length && !IsSpace(line[i]))
        {
            i++;
        }
        return i > start;
    }

    private static bool Space(ReadOnlySpan<char> line, ref int i) => i < line.Length && IsSpace(line[i]) && ++i > 0;

    private static bool Char(ReadOnlySpan<char> line, ref int i, char expected) => i < line.Length && line[i] == expected && ++i > 0;

    /// <summary>Python's ASCII \s.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static ReadOnlySpan<char> Whitespace => " \t\n\v\f\r";

    // mirrors-countme's HTTP_TOKEN_PATTERN: [\w\#$%^!&'*+.`|~-] with ASCII \w.
    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '#' or '$' or '%' or '^' or '!' or '&' or '\'' or '*' or '+' or '.' or '`' or '|' or '~' or '-';
}
