using System.Text;
using Pinger.Server.Publishing;
using Pinger.Server.Storage;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Layering;

/// <summary>
/// The namespaces of pinger-server form layers: each uses only namespaces below it, so none can be understood or
/// changed only together with another. The graph is read from the compiled assembly (every type a type's
/// signatures and method bodies use) and from the source's <c>using</c> lines.
/// </summary>
[TestClass]
public sealed class NamespaceLayeringTests
{
    private const string Root = "Pinger.Server";
    private const string BeginMarker = "<!-- BEGIN GENERATED: namespace dependencies (NamespaceLayeringTests) -->";
    private const string EndMarker = "<!-- END GENERATED: namespace dependencies -->";

    private static readonly NamespaceGraph Graph = NamespaceGraph.Of(typeof(ICounterStore).Assembly, Root)
        .WithUsings(TestPaths.InRepository("Server", "Pinger.Server"), Root);

    [TestMethod]
    public void The_server_namespaces_use_each_other_without_a_cycle()
    {
        var cycle = CycleFinder.Find(Graph.Edges);

        Assert.AreEqual(0, cycle.Count, "namespaces that use each other: " + string.Join(" -> ", cycle) + "\n"
            + string.Join("\n", cycle.Zip(cycle.Skip(1)).Select(e => Graph.Example(e.First, e.Second))));
    }

    [TestMethod]
    public void Storage_uses_nothing_of_the_server()
    {
        var used = Graph.Edges["Storage"];

        Assert.AreEqual(0, used.Count, string.Join("\n", used.Select(to => Graph.Example("Storage", to))));
    }

    [TestMethod]
    public void Only_the_release_reads_counters_from_the_store()
    {
        var assembly = typeof(ICounterStore).Assembly;
        var readers = assembly.GetTypes()
            .Where(t => t.Namespace != typeof(ICounterStore).Namespace)
            .Where(t => TypeReferences.MembersUsedBy(t).Any(m => m.Name is nameof(ICounterStore.ReadTotals) or nameof(ICounterStore.ReadCountme)
                && m.DeclaringType is { } declaring && typeof(ICounterStore).IsAssignableFrom(declaring)))
            .Select(t => t.FullName!)
            .ToArray();

        // The public rule reads one whole window once, to compute the release it then keeps.
        CollectionAssert.AreEquivalent(new[] { typeof(TotalsRelease).FullName, typeof(DifferentialPrivacy).FullName }, readers,
            "publication rules are applied in TotalsRelease only; read the counters through it");
    }

    [TestMethod]
    public void The_dependency_table_in_docs_server_md_is_the_graph()
    {
        var document = File.ReadAllText(TestPaths.InRepository("docs", "server.md"));
        var begin = document.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = document.IndexOf(EndMarker, StringComparison.Ordinal);

        Assert.IsTrue(begin >= 0 && end > begin, "docs/server.md has no namespace dependency table between its markers");
        Assert.AreEqual(Table(), document[(begin + BeginMarker.Length)..end].Trim('\n'), "write the table in docs/server.md from the graph");
    }

    private static string Table()
    {
        var table = new StringBuilder("| Namespace | Uses |\n|---|---|\n");
        foreach (var (from, uses) in Graph.Edges.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            table.Append($"| {from} | {(uses.Count == 0 ? "nothing of the server" : string.Join(", ", uses.Order(StringComparer.Ordinal)))} |\n");
        }

        return table.ToString().TrimEnd('\n');
    }
}
