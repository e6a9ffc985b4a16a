using Pinger.Configuration;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Config;

/// <summary>
/// Where config drop-ins are read from, in precedence order (a later directory's file replaces an earlier
/// file of the same name), and where the old fedora-coreos-pinger kept its opt-out.
/// </summary>
/// <param name="DropIns">Scanned in order.</param>
/// <param name="Legacy">The old pinger's admin directory, read only for its documented opt-out.</param>
public sealed record ConfigDirectories(IReadOnlyList<ConfigDirectory> DropIns, ConfigDirectory Legacy)
{
    /// <summary>Problems with the directories themselves (a <c>--root</c> that does not exist).</summary>
    public IReadOnlyList<ConfigDiagnostic> Problems { get; init; } = [];

    /// <summary>
    /// Distribution defaults, runtime overrides, then the admin's files, all below <paramref name="root"/>. The
    /// distribution's directory is <paramref name="distributionDirectory"/> when given (a host path: the tree the
    /// binary runs from), else <c>/usr/lib/pinger/config.d</c> below the root.
    /// </summary>
    public static ConfigDirectories Standard(RootedMachineFiles root, string? distributionDirectory = null) => new(
        [
            distributionDirectory is null
                ? new(root, "/usr/lib/pinger/config.d", IsDistributionDefault: true)
                : new(new RootedMachineFiles("/"), distributionDirectory, IsDistributionDefault: true),
            new(root, "/run/pinger/config.d"),
            new(root, "/etc/pinger/config.d"),
        ],
        LegacyIn(root))
    {
        Problems = RootProblems(root),
    };

    /// <summary>Only <paramref name="hostDirectory"/> (for <c>--config-dir</c>); the legacy opt-out below <paramref name="root"/> still applies.</summary>
    public static ConfigDirectories Only(string hostDirectory, RootedMachineFiles root) =>
        new([new(new RootedMachineFiles("/"), Path.GetFullPath(hostDirectory), MustExist: true)], LegacyIn(root))
        {
            Problems = RootProblems(root),
        };

    private static ConfigDiagnostic[] RootProblems(RootedMachineFiles root) => Directory.Exists(root.Root) || root.Root.Length == 0
        ? []
        : [new(DiagnosticSeverity.Warning, null, null, $"{root.Root}: the --root directory does not exist, so no file below it is read", "check the path given to --root")];

    private static ConfigDirectory LegacyIn(RootedMachineFiles root) => new(root, "/etc/fedora-coreos-pinger/config.d");
}
