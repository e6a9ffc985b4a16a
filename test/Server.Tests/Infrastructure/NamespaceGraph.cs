using System.Reflection;
using System.Text.RegularExpressions;

namespace Pinger.Server.Tests.Infrastructure;

/// <summary>
/// Which namespaces of one assembly use which: a node is the first namespace segment under the root namespace
/// (Pinger.Server.Storage.X counts as Storage; the root itself is none), and each edge keeps one example of a type using a type. A
/// <c>using</c> line of the source counts too, used or not: it is what a reader of the file sees.
/// </summary>
internal sealed partial class NamespaceGraph
{
    private readonly Dictionary<string, Dictionary<string, string>> _edges;

    private NamespaceGraph(Dictionary<string, Dictionary<string, string>> edges) => _edges = edges;

    /// <summary>The namespaces found, each with the namespaces it uses (never itself).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Edges =>
        _edges.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value.Keys.ToHashSet(), StringComparer.Ordinal);

    /// <summary>The graph of the types of <paramref name="assembly"/> under <paramref name="rootNamespace"/>.</summary>
    public static NamespaceGraph Of(Assembly assembly, string rootNamespace)
    {
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            if (NodeOf(type, assembly, rootNamespace) is not { } from)
            {
                continue;
            }

            var uses = edges.TryGetValue(from, out var known) ? known : edges[from] = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var used in TypeReferences.Of(type))
            {
                if (NodeOf(used, assembly, rootNamespace) is { } to && to != from)
                {
                    uses.TryAdd(to, $"{type.FullName} uses {used.FullName}");
                }
            }
        }

        return new NamespaceGraph(edges);
    }

    /// <summary>
    /// This graph with the edges of the <c>using</c> lines in the C# files under <paramref name="sourceDirectory"/>
    /// (the assembly's source), for namespaces that are nodes already.
    /// </summary>
    public NamespaceGraph WithUsings(string sourceDirectory, string rootNamespace)
    {
        var edges = _edges.ToDictionary(p => p.Key, p => new Dictionary<string, string>(p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(sourceDirectory, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(sourceDirectory, f)))
        {
            var lines = File.ReadAllLines(file);
            var from = lines.Select(l => NamespaceLine().Match(l)).FirstOrDefault(m => m.Success) is { } declared
                ? NodeOf(declared.Groups["name"].Value, rootNamespace)
                : null;
            if (from is null || !edges.TryGetValue(from, out var uses))
            {
                continue;
            }

            for (var i = 0; i < lines.Length; i++)
            {
                if (UsingLine().Match(lines[i]) is { Success: true } used && NodeOf(used.Groups["name"].Value, rootNamespace) is { } to
                    && to != from && edges.ContainsKey(to))
                {
                    uses.TryAdd(to, $"{Path.GetRelativePath(sourceDirectory, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        return new NamespaceGraph(edges);
    }

    /// <summary>Why <paramref name="from"/> uses <paramref name="to"/>: one type that does.</summary>
    public string Example(string from, string to) => _edges[from][to];

    /// <summary>Every edge as "From -> To", sorted.</summary>
    public IEnumerable<string> Lines() =>
        _edges.OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => p.Value.Keys.Order(StringComparer.Ordinal).Select(to => $"{p.Key} -> {to}"));

    private static string? NodeOf(Type type, Assembly assembly, string rootNamespace) =>
        type.Assembly == assembly && type.Namespace is { } name ? NodeOf(name, rootNamespace) : null;

    // The root namespace itself is no node: it holds the entry point's exit codes, constants the compiler copies.
    private static string? NodeOf(string name, string rootNamespace) =>
        name.StartsWith(rootNamespace + ".", StringComparison.Ordinal) ? name[(rootNamespace.Length + 1)..].Split('.')[0] : null;

    private static bool IsBuildOutput(string sourceDirectory, string file) =>
        Path.GetRelativePath(sourceDirectory, file).Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj";

    [GeneratedRegex(@"^\s*namespace\s+(?<name>[\w.]+)")]
    private static partial Regex NamespaceLine();

    // "using X.Y;", "using static X.Y.Z;" and "using Alias = X.Y.Z;" alike.
    [GeneratedRegex(@"^\s*(global\s+)?using\s+(static\s+)?(\w+\s*=\s*)?(?<name>[\w.]+)\s*;")]
    private static partial Regex UsingLine();
}
