using System.Text.RegularExpressions;
using Pinger.Plugins.Sdk.Parsing;

namespace Pinger.Probes.Testing;

/// <summary>
/// Values that identify a machine or a person, planted in the fixtures so that tests can show no probe lets one out:
/// the reviewed list in <c>test/fixtures/planted-identifiers.txt</c>, and the identifiers a root's own files hold
/// (host name, machine-id, DMI serials and UUIDs, asset tags, Afterburn's ids and addresses, disk UUIDs on the kernel
/// command line, a container's name and id), read from the files so that a root added later is checked without
/// listing its secrets twice.
/// </summary>
internal static partial class PlantedIdentifiers
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

    /// <summary>The values of <c>test/fixtures/planted-identifiers.txt</c>.</summary>
    public static IReadOnlyList<string> Listed { get; } = Parse(File.ReadAllText(Path.Combine(RepositoryPaths.SharedFixtures, "planted-identifiers.txt")));

    /// <summary>One value a line; lines starting with # are comments; blank lines are skipped.</summary>
    public static IReadOnlyList<string> Parse(string text) =>
        text.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Trim().Length > 0 && !line.StartsWith('#'))
            .ToArray();

    /// <summary>The listed values <paramref name="text"/> contains, compared case-insensitively.</summary>
    public static IEnumerable<string> FoundIn(string text) => Listed.Where(value => text.Contains(value, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every value no probe may let out on the root at <paramref name="root"/>: the listed ones and its own.</summary>
    public static IReadOnlyList<string> On(string root) => Listed.Concat(ReadFrom(root)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>The identifiers the files of the root at <paramref name="root"/> hold.</summary>
    public static IReadOnlyList<string> ReadFrom(string root)
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
