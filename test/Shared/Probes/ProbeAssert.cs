using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;

namespace Pinger.Probes.Testing;

/// <summary>Assertions on probe results that name every difference at once.</summary>
internal static class ProbeAssert
{
    /// <summary>The probe collected exactly <paramref name="expected"/>: the same field names and the same values.</summary>
    public static void Collected(ProbeResult result, FieldValues expected)
    {
        Assert.AreEqual(ProbeOutcome.Collected, result.Outcome, $"The probe did not collect: {result.Reason}");
        var names = expected.Values.Keys.Union(result.Values.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var differences = names
            .Where(name => !Equals(expected.Values.GetValueOrDefault(name), result.Values.GetValueOrDefault(name)))
            .Select(name => $"{name}: expected {Show(expected.Values.GetValueOrDefault(name))}, got {Show(result.Values.GetValueOrDefault(name))}")
            .ToArray();
        Assert.IsEmpty(differences, string.Join(Environment.NewLine, differences));
    }

    /// <summary>The probe collected exactly <paramref name="expected"/>, all text values.</summary>
    public static void Collected(ProbeResult result, IReadOnlyDictionary<string, string> expected) =>
        Collected(result, expected.Aggregate(new FieldValues(), (values, pair) => values.Set(pair.Key, pair.Value)));

    /// <summary>Every emitted value is declared by the probe and accepted by its declaration.</summary>
    public static void AllDeclaredAndAccepted(ProbeDescriptor descriptor, ProbeResult result)
    {
        var declarations = descriptor.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var (name, value) in result.Values)
        {
            Assert.IsTrue(declarations.TryGetValue(name, out var declaration), $"{descriptor.Id} emitted the undeclared field {name}.");
            Assert.IsTrue(declaration.Accepts(value, out var problem), $"{descriptor.Id}.{name} = {value} is refused: {problem}");
        }
    }

    /// <summary>
    /// None of <paramref name="planted"/> is in what the probe emitted, logged or gave as its reason, compared
    /// case-insensitively.
    /// </summary>
    public static void SaidNothingPlanted(ProbeDescriptor descriptor, ProbeResult result, FixtureProbeContext context, IReadOnlyCollection<string> planted)
    {
        var said = result.Values.Select(v => $"{v.Key}={v.Value}").Concat(context.RecordedLog.Lines).Append(result.Reason ?? string.Empty);
        var leaks = said
            .SelectMany(text => planted.Where(value => text.Contains(value, StringComparison.OrdinalIgnoreCase)).Select(value => $"{descriptor.Id}: \"{value}\" in \"{text}\""))
            .ToArray();
        Assert.IsEmpty(leaks, string.Join(Environment.NewLine, leaks));
    }

    public static void NotApplicable(ProbeResult result, string reason) => Ended(ProbeOutcome.NotApplicable, result, reason);

    public static void Failed(ProbeResult result, string reason) => Ended(ProbeOutcome.Failed, result, reason);

    private static void Ended(ProbeOutcome outcome, ProbeResult result, string reason)
    {
        Assert.AreEqual(outcome, result.Outcome, $"Reason: {result.Reason}");
        Assert.AreEqual(reason, result.Reason);
        Assert.IsEmpty(result.Values);
    }

    private static string Show(FieldValue? value) => value is null ? "(absent)" : value.ToString();
}
