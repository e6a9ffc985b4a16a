using System.Text.RegularExpressions;

namespace Pinger.Plugins.Sdk;

/// <summary>Everything the host, the documentation and the server need to know about a probe before it runs.</summary>
public sealed partial class ProbeDescriptor
{
    /// <summary>The pattern probe ids, field names and setting names follow.</summary>
    public const string NamePattern = "^[a-z][a-z0-9_-]{0,39}$";

    /// <summary>Describes a probe; throws when a declaration is inconsistent, so mistakes show at load time.</summary>
    /// <param name="id">Stable id, used in config (<c>[probes.&lt;id&gt;]</c>) and in reports.</param>
    /// <param name="description">One sentence: what the probe looks at.</param>
    /// <param name="minimumLevel">The lowest level at which the probe runs at all.</param>
    /// <param name="enabledByDefault">Whether the probe runs when no config mentions it.</param>
    /// <param name="timeBudget">How long the host waits for the probe before leaving it out.</param>
    /// <param name="fields">Every field the probe can emit.</param>
    /// <param name="settings">Every setting the probe accepts in its config table.</param>
    public ProbeDescriptor(
        string id,
        string description,
        MetricsLevel minimumLevel,
        bool enabledByDefault,
        TimeSpan timeBudget,
        IEnumerable<FieldDeclaration> fields,
        IEnumerable<SettingDeclaration>? settings = null)
    {
        if (!IsValidName(id))
        {
            throw new ArgumentException($"Probe id '{id}' must match {NamePattern}.", nameof(id));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (minimumLevel == MetricsLevel.Off)
        {
            throw new ArgumentException($"Probe '{id}' cannot run at level Off.", nameof(minimumLevel));
        }

        if (timeBudget <= TimeSpan.Zero || timeBudget > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(timeBudget), $"Probe '{id}': the time budget must be between 0 and 1 minute.");
        }

        Id = id;
        Description = description;
        MinimumLevel = minimumLevel;
        EnabledByDefault = enabledByDefault;
        TimeBudget = timeBudget;
        Fields = fields.ToArray();
        Settings = (settings ?? []).ToArray();
        RejectDuplicates(Fields.Select(f => f.Name), "field");
        RejectDuplicates(Settings.Select(s => s.Name), "setting");
        if (Fields.Count == 0)
        {
            throw new ArgumentException($"Probe '{id}' declares no field.", nameof(fields));
        }

        if (Fields.Any(f => f.Level < minimumLevel))
        {
            throw new ArgumentException($"Probe '{id}' declares a field below its own minimum level.", nameof(fields));
        }

        foreach (var setting in Settings)
        {
            if (!IsValidName(setting.Name) || setting.Name == "enabled" || setting.Type == FieldType.TextList)
            {
                throw new ArgumentException($"Probe '{id}': setting '{setting.Name}' is not a valid name or type ('enabled' is reserved).", nameof(settings));
            }
        }
    }

    /// <summary>Stable id, used in config and in reports.</summary>
    public string Id { get; }

    /// <summary>One sentence: what the probe looks at.</summary>
    public string Description { get; }

    /// <summary>The lowest level at which the probe runs at all.</summary>
    public MetricsLevel MinimumLevel { get; }

    /// <summary>Whether the probe runs when no config mentions it.</summary>
    public bool EnabledByDefault { get; }

    /// <summary>How long the host waits for the probe.</summary>
    public TimeSpan TimeBudget { get; }

    /// <summary>Every field the probe can emit.</summary>
    public IReadOnlyList<FieldDeclaration> Fields { get; }

    /// <summary>Every setting the probe accepts.</summary>
    public IReadOnlyList<SettingDeclaration> Settings { get; }

    /// <summary>Whether <paramref name="name"/> is usable as a probe id, field or setting name.</summary>
    public static bool IsValidName(string? name) => name is not null && NameRegex().IsMatch(name);

    private void RejectDuplicates(IEnumerable<string> names, string what)
    {
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Probe '{Id}' declares the {what} '{duplicate.Key}' twice.");
        }
    }

    [GeneratedRegex(NamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();
}
