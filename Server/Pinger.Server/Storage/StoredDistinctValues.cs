namespace Pinger.Server.Storage;

/// <summary>
/// The distinct values storage holds per group (a window's field, or a window's countme tuples), kept in memory by a
/// store's only writer so that a cap check is a lookup instead of a query per commit. A group is read from storage the
/// first time it is asked about and from then on follows the commits; it must be told only of committed values, and
/// forgotten (or cleared) whenever storage may have changed without it.
/// </summary>
/// <typeparam name="TGroup">What a cap counts in: (kind, start, field) or (kind, start).</typeparam>
/// <typeparam name="TValue">A value of the group.</typeparam>
public sealed class StoredDistinctValues<TGroup, TValue>
    where TGroup : notnull
{
    private readonly Dictionary<TGroup, HashSet<TValue>> _groups = [];

    /// <summary>The values stored for <paramref name="group"/>, read with <paramref name="load"/> if not known yet.</summary>
    public IReadOnlySet<TValue> Of(TGroup group, Func<TGroup, IEnumerable<TValue>> load)
    {
        if (!_groups.TryGetValue(group, out var values))
        {
            values = [.. load(group)];
            _groups[group] = values;
        }

        return values;
    }

    /// <summary>
    /// Records a value that is now committed. Only a group already known is updated: any other is read whole from
    /// storage when first asked about, committed value included.
    /// </summary>
    public void Committed(TGroup group, TValue value)
    {
        if (_groups.TryGetValue(group, out var values))
        {
            values.Add(value);
        }
    }

    /// <summary>Forgets the groups <paramref name="which"/> selects (windows closed or deleted): they are read again if asked about.</summary>
    public void Forget(Func<TGroup, bool> which)
    {
        foreach (var group in _groups.Keys.Where(which).ToArray())
        {
            _groups.Remove(group);
        }
    }

    /// <summary>Forgets everything, after a commit whose outcome is unknown.</summary>
    public void Clear() => _groups.Clear();
}
