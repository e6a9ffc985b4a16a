using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Layering;

[TestClass]
public sealed class CycleFinderTests
{
    private static Dictionary<string, IReadOnlySet<string>> Graph(params (string From, string To)[] edges) =>
        edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(e => e.To).ToHashSet());

    [TestMethod]
    public void A_cycle_through_three_namespaces_is_found_and_named()
    {
        var graph = Graph(("Dashboard", "Publishing"), ("Publishing", "Storage"), ("Storage", "Dashboard"), ("Hosting", "Dashboard"));

        CollectionAssert.AreEqual(new[] { "Dashboard", "Publishing", "Storage", "Dashboard" }, CycleFinder.Find(graph).ToArray());
    }

    [TestMethod]
    public void Two_namespaces_using_each_other_are_a_cycle()
    {
        var graph = Graph(("Ingest", "Operations"), ("Operations", "Ingest"));

        CollectionAssert.AreEqual(new[] { "Ingest", "Operations", "Ingest" }, CycleFinder.Find(graph).ToArray());
    }

    [TestMethod]
    public void Layers_that_share_a_lower_layer_are_no_cycle()
    {
        var graph = Graph(("Hosting", "Dashboard"), ("Hosting", "Publishing"), ("Dashboard", "Publishing"), ("Dashboard", "Storage"), ("Publishing", "Storage"));

        Assert.AreEqual(0, CycleFinder.Find(graph).Count);
    }
}
