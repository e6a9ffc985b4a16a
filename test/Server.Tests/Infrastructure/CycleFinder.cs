namespace Pinger.Server.Tests.Infrastructure;

/// <summary>Finds a cycle in a directed graph given as each node's successors.</summary>
internal static class CycleFinder
{
    /// <summary>The nodes of one cycle, the first repeated at the end (a, b, a); empty when there is none.</summary>
    public static IReadOnlyList<string> Find(IReadOnlyDictionary<string, IReadOnlySet<string>> edges)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start, edges, done, path) is { } cycle)
            {
                return cycle;
            }
        }

        return [];
    }

    // Depth first: meeting a node that is still on the path closes a cycle.
    private static List<string>? Visit(string node, IReadOnlyDictionary<string, IReadOnlySet<string>> edges, HashSet<string> done, List<string> path)
    {
        var onPath = path.IndexOf(node);
        if (onPath >= 0)
        {
            return [.. path[onPath..], node];
        }

        if (done.Contains(node))
        {
            return null;
        }

        path.Add(node);
        foreach (var next in (edges.TryGetValue(node, out var successors) ? successors : new HashSet<string>()).Order(StringComparer.Ordinal))
        {
            if (Visit(next, edges, done, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        done.Add(node);
        return null;
    }
}
