using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Tests;

/// <summary>Assertions on a probe's result that name the field that differs.</summary>
internal static class ResultAssert
{
    /// <summary>The probe collected exactly <paramref name="expected"/>, field by field, text values only.</summary>
    public static void CollectedExactly(ProbeResult result, IReadOnlyDictionary<string, string> expected)
    {
        Assert.AreEqual(ProbeOutcome.Collected, result.Outcome, $"Outcome (reason: {result.Reason})");
        foreach (var (name, value) in expected)
        {
            Assert.IsTrue(result.Values.TryGetValue(name, out var actual), $"Field '{name}' is missing.");
            Assert.AreEqual(FieldValue.FromText(value), actual, $"Field '{name}'");
        }

        var unexpected = result.Values.Keys.Except(expected.Keys, StringComparer.Ordinal).ToArray();
        Assert.IsEmpty(unexpected, $"Unexpected fields: {string.Join(", ", unexpected)}");
    }
}
