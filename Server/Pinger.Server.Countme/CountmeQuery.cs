namespace Pinger.Server.Countme;

/// <summary>
/// The three query parameters countme counts by, read the way mirrors-countme reads them
/// (Python's <c>dict(parse_qsl(query))</c>): pairs split on '&amp;', names and values percent- and
/// '+'-decoded, pairs without '=' or with an empty value ignored, and the last value wins.
/// </summary>
public static class CountmeQuery
{
    /// <summary>Parses a query string, with or without its leading '?'. Countme is null when absent
    /// or not an integer.</summary>
    public static (string? Repo, string? Arch, int? Countme) Parse(string queryString)
    {
        ArgumentNullException.ThrowIfNull(queryString);
        var query = queryString.StartsWith('?') ? queryString.AsSpan(1) : queryString.AsSpan();
        var fields = CountmeQueryFields.Parse(query);
        var countme = CountmeQueryFields.Decode(fields.Countme);
        return (CountmeQueryFields.Decode(fields.Repo), CountmeQueryFields.Decode(fields.Arch),
            countme is null ? null : CountmeQueryFields.ParseAge(countme));
    }
}
