using System.Text.RegularExpressions;
using Pinger.Plugins.Sdk.Parsing;

namespace Pinger.Probes.Tests;

/// <summary>
/// The values in a fixture root that identify the machine: host name, machine-id, DMI serials and UUIDs,
/// asset tags, Afterburn's ids and addresses, disk UUIDs on the kernel command line, a container's name and id.
/// Read from the files themselves, so a root added later is checked without listing its secrets twice.
/// </summary>
internal static partial class PlantedValues
{
    private static readonly string[] SingleValueFiles =
    [
        "etc/hostname",
        "etc/machine-id",
        "sys/class/dmi/id/product_serial",
        "sys/class/dmi/id/product_uuid",
        "sys/class/dmi/id/board_serial",
        "sys/class/dmi/id/chassis_serial",
        "sys/class/dmi/id/board_asset_tag",
    ];

    // Afterburn keys whose values are meant to be reported.
    private static readonly string[] ReportableAfterburnKeys = ["_INSTANCE_TYPE", "_VMSIZE", "_MACHINE_TYPE", "_INSTANCE_SHAPE", "_PLAN", "_SERVICE_OFFERING"];

    public static IReadOnlyList<string> In(string root)
    {
        var values = new List<string>();
        foreach (var file in SingleValueFiles)
        {
            values.Add(Read(root, file)?.Trim() ?? string.Empty);
        }

        if (Read(root, "run/metadata/afterburn") is { } afterburn)
        {
            values.AddRange(KeyValueFile.Parse(afterburn)
                .Where(pair => !ReportableAfterburnKeys.Any(suffix => pair.Key.EndsWith(suffix, StringComparison.Ordinal)))
                .Select(pair => pair.Value));
        }

        if (Read(root, "proc/cmdline") is { } commandLine)
        {
            values.AddRange(UuidArgument().Matches(commandLine).Select(m => m.Groups[1].Value));
        }

        if (Read(root, "run/.containerenv") is { } containerEnv)
        {
            var container = KeyValueFile.Parse(containerEnv);
            values.Add(container.GetValueOrDefault("name", string.Empty));
            values.Add(container.GetValueOrDefault("id", string.Empty));
        }

        // Short values such as "1" could appear by chance in any output; only real identifiers count.
        return values.Where(v => v.Length >= 6).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string? Read(string root, string relativePath)
    {
        var path = Path.Combine(root, relativePath);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    [GeneratedRegex("=UUID=([0-9a-fA-F-]{36})")]
    private static partial Regex UuidArgument();
}
