namespace Pinger.Plugins.Sdk.Testing;

/// <summary>
/// Judges a probe's result by the rules the host applies before anything reaches a report: every value belongs to a
/// declared field, that field's level is at or below the level in force, and its declaration accepts the value. The
/// host leaves the whole probe out of the report when one value breaks a rule, so a probe's tests should assert that
/// <see cref="Violations"/> is empty at every level.
/// </summary>
public static class ProbeResultCheck
{
    /// <summary>One sentence per value that breaks a rule; empty when the host would report the result as it is.</summary>
    public static IReadOnlyList<string> Violations(ProbeDescriptor descriptor, MetricsLevel level, ProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(result);
        var violations = new List<string>();
        foreach (var (name, value) in result.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var declaration = descriptor.Fields.FirstOrDefault(f => f.Name == name);
            if (declaration is null)
            {
                violations.Add($"'{name}' is not declared");
            }
            else if (declaration.Level > level)
            {
                violations.Add($"'{name}' is declared at level {declaration.Level} and must not be emitted at level {level}");
            }
            else if (!declaration.Accepts(value, out var problem))
            {
                violations.Add($"'{name}': {problem}");
            }
        }

        return violations;
    }
}
