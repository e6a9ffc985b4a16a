using Pinger.Plugins.Sdk;
using Pinger.Protocol.Windows;
using Pinger.Server.Countme;

namespace Pinger.Server.Storage;

/// <summary>
/// A batch's additions summed per counter key before they reach the database, so a batch of a thousand similar
/// reports is a few dozen upserts. Keys come out in ordinal order, so every back end locks rows in the same order.
/// </summary>
public sealed class BatchAggregate
{
    private readonly Dictionary<(string Kind, string Start), long> _reports = [];
    private readonly Dictionary<(string Kind, string Start, string Field, string Value), long> _fields = [];
    private readonly Dictionary<(string Kind, string Start, SystemTuple System), long> _systems = [];
    private readonly Dictionary<CountmeTotalsKey, long> _countme = [];
    private readonly Dictionary<string, int> _caps = new(StringComparer.Ordinal);

    /// <summary>The most countme tuples (rows of system_counts) kept per window.</summary>
    public const int MaxSystemsPerWindow = 4096;

    /// <summary>The countme tuples that <see cref="KeepSystemsWithinCap"/> asks about.</summary>
    public IEnumerable<(string Kind, string Start, SystemTuple System)> SystemKeys => _systems.Keys;

    /// <summary>Adds one report's counts for one window whose nonce was new.</summary>
    public void AddReport(CountingWindow window, CountedReport report)
    {
        var (kind, start) = (window.KindName, window.StartText);
        Add(_reports, (kind, start), 1);
        foreach (var value in report.Values)
        {
            Add(_fields, (kind, start, value.Field, value.Value), 1);
            _caps[value.Field] = value.MaxDistinctPerWindow;
        }

        Add(_systems, (kind, start, report.System), 1);
    }

    /// <summary>
    /// Leaves out every new value that would take a field past its declared distinct values in a window, so storage
    /// grows with the declared value space and never with the number of reports. <paramref name="stored"/> tells how
    /// many distinct values a (kind, start, field) already has, <paramref name="exists"/> whether a value is one of them.
    /// Values more frequent in the batch are kept first. Returns how many value counts were left out.
    /// </summary>
    public int KeepWithinCaps(
        Func<(string Kind, string Start, string Field), long> stored, Func<(string Kind, string Start, string Field, string Value), bool> exists)
    {
        var dropped = 0;
        foreach (var group in _fields.GroupBy(p => (p.Key.Kind, p.Key.Start, p.Key.Field)).ToArray())
        {
            if (_caps.GetValueOrDefault(group.Key.Field) == CountedValue.ClosedSet)
            {
                continue;
            }

            var fresh = group.Where(p => !exists(p.Key)).OrderByDescending(p => p.Value).ThenBy(p => p.Key.Value, StringComparer.Ordinal).ToArray();
            if (fresh.Length == 0)
            {
                continue;
            }

            var room = Math.Max(0, _caps.GetValueOrDefault(group.Key.Field, FieldDeclaration.MaxDistinctLimit) - stored(group.Key));
            foreach (var (key, count) in fresh.Skip((int)Math.Min(room, fresh.Length)))
            {
                _fields.Remove(key);
                dropped += (int)count;
            }
        }

        return dropped;
    }

    /// <summary>
    /// Leaves out every new countme tuple past <see cref="MaxSystemsPerWindow"/> in its window: the tuple combines six
    /// fields, so its own cap keeps the product of theirs from growing the table. Returns how many counts were left out.
    /// </summary>
    public int KeepSystemsWithinCap(Func<(string Kind, string Start), long> stored, Func<(string Kind, string Start, SystemTuple System), bool> exists)
    {
        var dropped = 0;
        foreach (var group in _systems.GroupBy(p => (p.Key.Kind, p.Key.Start)).ToArray())
        {
            var fresh = group.Where(p => !exists(p.Key)).OrderByDescending(p => p.Value).ThenBy(p => p.Key.System.ToString(), StringComparer.Ordinal).ToArray();
            var room = Math.Max(0, MaxSystemsPerWindow - stored(group.Key));
            foreach (var (key, count) in fresh.Skip((int)Math.Min(room, fresh.Length)))
            {
                _systems.Remove(key);
                dropped += (int)count;
            }
        }

        return dropped;
    }

    /// <summary>Every (kind, start, field, value) the batch adds to.</summary>
    public IEnumerable<(string Kind, string Start, string Field, string Value)> FieldKeys => _fields.Keys;

    /// <summary>The (kind, start, field, value) keys that <see cref="KeepWithinCaps"/> asks about: those of fields not closed sets.</summary>
    public IEnumerable<(string Kind, string Start, string Field, string Value)> CappedFieldKeys =>
        _fields.Keys.Where(key => _caps.GetValueOrDefault(key.Field) != CountedValue.ClosedSet);

    /// <summary>Adds countme hits.</summary>
    public void AddCountme(CountmeTotalsKey key, long hits) => Add(_countme, key, hits);

    /// <summary>An aggregate of imported countme totals alone, as both stores write an import.</summary>
    public static BatchAggregate OfCountme(IReadOnlyDictionary<CountmeTotalsKey, long> totals)
    {
        var aggregate = new BatchAggregate();
        foreach (var (key, hits) in totals)
        {
            aggregate.AddCountme(key, hits);
        }

        return aggregate;
    }

    /// <summary>Report counts per window.</summary>
    public IEnumerable<KeyValuePair<(string Kind, string Start), long>> Reports =>
        _reports.OrderBy(p => p.Key.Kind, StringComparer.Ordinal).ThenBy(p => p.Key.Start, StringComparer.Ordinal);

    /// <summary>Field value counts.</summary>
    public IEnumerable<KeyValuePair<(string Kind, string Start, string Field, string Value), long>> Fields =>
        _fields.OrderBy(p => p.Key.Kind, StringComparer.Ordinal).ThenBy(p => p.Key.Start, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Field, StringComparer.Ordinal).ThenBy(p => p.Key.Value, StringComparer.Ordinal);

    /// <summary>Countme tuple counts.</summary>
    public IEnumerable<KeyValuePair<(string Kind, string Start, SystemTuple System), long>> Systems =>
        _systems.OrderBy(p => p.Key.Kind, StringComparer.Ordinal).ThenBy(p => p.Key.Start, StringComparer.Ordinal)
            .ThenBy(p => p.Key.System.ToString(), StringComparer.Ordinal);

    /// <summary>Countme weekly totals.</summary>
    public IEnumerable<KeyValuePair<CountmeTotalsKey, long>> Countme =>
        _countme.OrderBy(p => p.Key.WeekStart).ThenBy(p => p.Key.ToString(), StringComparer.Ordinal);

    private static void Add<TKey>(Dictionary<TKey, long> counters, TKey key, long amount)
        where TKey : notnull =>
        counters[key] = counters.GetValueOrDefault(key) + amount;
}
