using Pinger.Configuration;
using Pinger.Protocol.Reports;

namespace Pinger.Core.Config;

/// <summary>The keys the <c>pinger</c> client accepts outside <c>[probes.&lt;id&gt;]</c> tables.</summary>
public static class ClientConfigSchema
{
    /// <summary>The client's schema.</summary>
    public static ConfigSchema Instance { get; } = new(
    [
        new("reporting", "level", ConfigValueKind.String,
            "How much this machine reports: \"off\", \"minimal\" or \"full\".", CheckLevel),
        new("reporting", "server", ConfigValueKind.String,
            "Where reports are sent: an https URL (http only to a loopback address, for testing).", ServerUrl.Check),
        new("reporting", "timeout_seconds", ConfigValueKind.Integer,
            "The most one run may spend sending a report, retries included (5 to 300; default 60).", CheckTimeout),
        new("reporting", "proxy", ConfigValueKind.String,
            "A proxy URL for reports; without it the https_proxy and no_proxy environment variables apply.", ServerUrl.CheckProxy),
        new("reporting", "third_party_probes", ConfigValueKind.Boolean,
            "false turns off every probe the admin installed in /etc/pinger/probes, even one its own probe table enables (default true)."),
        new("reporting", "enabled", ConfigValueKind.Boolean,
            "Kept from fedora-coreos-pinger: false turns reporting off.", ReplacedBy: "reporting.level = \"off\""),
        new("collecting", "level", ConfigValueKind.String,
            "Kept from fedora-coreos-pinger: the same as reporting.level.", CheckLevel, ReplacedBy: "reporting.level", MergesInto: "reporting.level"),
    ],
    HasProbeTables: true);

    /// <summary>The sending budget when no file sets one.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(60);

    private static (string, string)? CheckTimeout(ConfigEntry entry) =>
        (long)entry.Value is >= 5 and <= 300 ? null : ("out of range", "give a number of seconds from 5 to 300");

    private static (string, string)? CheckLevel(ConfigEntry entry)
    {
        var value = (string)entry.Value;
        if (LevelNames.Parse(value) is not null)
        {
            return null;
        }

        var suggestion = NearestName.Find(value.ToLowerInvariant(), LevelNames.All);
        var hint = suggestion is null ? "use \"off\", \"minimal\" or \"full\"" : $"did you mean \"{suggestion}\"? Levels are \"off\", \"minimal\" and \"full\"";
        return ($"unknown level \"{value}\"", hint);
    }
}
