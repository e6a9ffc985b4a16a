using Pinger.Configuration;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Config;

/// <summary>What the config says about one probe.</summary>
/// <param name="Enabled">The <c>enabled</c> key's winning entry, or null when no file sets it.</param>
/// <param name="Settings">Winning entries of the probe's own settings, by setting name.</param>
public sealed record ProbeConfig(ConfigEntry? Enabled, IReadOnlyDictionary<string, ConfigEntry> Settings)
{
    /// <summary>The settings as typed values for <see cref="ProbeSettings"/>.</summary>
    public IReadOnlyDictionary<string, FieldValue> SettingValues => Settings.ToDictionary(
        s => s.Key,
        s => s.Value.Value switch
        {
            bool b => FieldValue.FromBoolean(b),
            long l => FieldValue.FromInteger(l),
            _ => FieldValue.FromText((string)s.Value.Value),
        },
        StringComparer.Ordinal);
}
