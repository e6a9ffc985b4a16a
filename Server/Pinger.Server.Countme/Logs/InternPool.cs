namespace Pinger.Server.Countme;

/// <summary>
/// Hands out one string per distinct text, looked up by span, so the few hundred repo, arch and OS values
/// of a log are allocated once rather than on every line. Bounded: past the limit it just allocates.
/// </summary>
internal sealed class InternPool
{
    private const int Limit = 100_000;
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public InternPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Intern(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var existing))
        {
            return existing;
        }
        var created = text.ToString();
        if (_strings.Count < Limit)
        {
            _strings.Add(created);
        }
        return created;
    }
}
