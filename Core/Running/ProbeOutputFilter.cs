using Pinger.Plugins.Sdk;

namespace Pinger.Core.Running;

/// <summary>
/// Sorts what a probe emitted into what it is allowed to report (declared fields, at or below the configured
/// level, with values inside their declared set or pattern) and a sentence for everything else, naming the
/// field but never its value.
/// </summary>
public static class ProbeOutputFilter
{
    /// <summary>The accepted values and a sentence for each dropped one.</summary>
    public static (IReadOnlyDictionary<string, FieldValue> Accepted, IReadOnlyList<string> Problems) Filter(
        ProbeDescriptor descriptor, MetricsLevel level, IReadOnlyDictionary<string, FieldValue> values)
    {
        var accepted = new SortedDictionary<string, FieldValue>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var declaration = descriptor.Fields.FirstOrDefault(f => f.Name == name);
            if (declaration is null)
            {
                problems.Add($"{LeftOut}: it emitted undeclared field '{SafeName(name)}'");
            }
            else if (declaration.Level > level)
            {
                problems.Add($"{LeftOut}: field '{name}' needs level {Name(declaration.Level)}, level is {Name(level)}");
            }
            else if (!declaration.Accepts(value, out var why))
            {
                problems.Add($"{LeftOut}: field '{name}': {why}");
            }
            else
            {
                accepted[name] = value;
            }
        }

        return (accepted, problems);
    }

    // One bad field costs the probe all of its values, so the sentence says so rather than naming only the field.
    private const string LeftOut = "whole probe left out of the report";

    // An undeclared name is plugin-chosen text: show it only when it looks like a name.
    private static string SafeName(string name) => ProbeDescriptor.IsValidName(name) ? name : "(invalid name)";

    private static string Name(MetricsLevel level) => level.ToString().ToLowerInvariant();
}
