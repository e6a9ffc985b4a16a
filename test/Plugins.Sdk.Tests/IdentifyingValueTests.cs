using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;

namespace Pinger.Plugins.Sdk.Tests;

/// <summary>
/// The two declarations a careless vendor wrote to carry a host name and an exact count: neither can be made, and an exact
/// count sent through a bucketed field is never accepted.
/// </summary>
[TestClass]
public sealed class IdentifyingValueTests
{
    [TestMethod]
    public void A_node_class_pattern_without_anchors_is_refused_when_the_probe_is_created()
    {
        var refusal = Assert.ThrowsExactly<ArgumentException>(() => FieldDeclaration.Matching(
            "node_class", MetricsLevel.Minimal, "One of a few node classes.", "[A-Za-z0-9._-]{1,63}", 63, 1024, "one of a few classes"));

        StringAssert.Contains(refusal.Message, @"\A and \z");
    }

    [TestMethod]
    public void A_bucketed_count_that_sends_an_exact_number_is_not_accepted_and_the_host_rules_flag_it()
    {
        var nodes = FieldDeclaration.Integer("nodes", MetricsLevel.Full, "How many nodes the cluster has, bucketed.", Coarsen.CountValues);
        var descriptor = new ProbeDescriptor("acme-cluster", "An Acme cluster's shape.", MetricsLevel.Full, true, TimeSpan.FromMilliseconds(200), [nodes]);
        var result = ProbeResult.Collected(new FieldValues().Set("nodes", 4181567));

        Assert.IsFalse(nodes.Accepts(FieldValue.FromInteger(4181567), out var problem));
        StringAssert.StartsWith(problem, "value is not in the declared set");
        Assert.IsTrue(nodes.Accepts(FieldValue.FromInteger(Coarsen.Count(4181567)), out _), "the bucketed count is what may be sent");
        Assert.HasCount(1, ProbeResultCheck.Violations(descriptor, MetricsLevel.Full, result));
    }
}
