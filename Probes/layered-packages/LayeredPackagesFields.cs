using Pinger.Plugins.Sdk;

namespace Pinger.Probes.LayeredPackages;

/// <summary>The layered-packages fields: whether and how much at the minimal level, which packages only at full.</summary>
internal static class LayeredPackagesFields
{
    public const string Layered = "layered";
    public const string LayeredCount = "layered_count";
    public const string OverriddenCount = "overridden_count";
    public const string Packages = "packages";

    public const int MaxPackages = 64;

    /// <summary>Package names kept per counting window: the most requested ones fill it first in a busy window.</summary>
    public const int MaxDistinctPackages = 1000;

    public static IReadOnlyList<FieldDeclaration> All { get; } =
    [
        FieldDeclaration.Boolean(
            Layered, MetricsLevel.Minimal,
            "Whether the booted deployment differs from the image: packages layered (from repositories or local RPM files), or base packages removed or replaced."),
        FieldDeclaration.Integer(
            LayeredCount, MetricsLevel.Minimal,
            "Packages layered on the booted deployment: requested from repositories plus local RPM files.",
            Coarsen.CountValues),
        FieldDeclaration.Integer(
            OverriddenCount, MetricsLevel.Minimal,
            "Base packages removed or replaced in the booted deployment.",
            Coarsen.CountValues),
        FieldDeclaration.ListMatching(
            Packages, MetricsLevel.Full,
            "Names of the packages layered from repositories, to learn what the image lacks.",
            PackageName.Pattern, PackageName.MaxLength, MaxPackages, MaxDistinctPackages,
            "names only, without version or architecture; local RPM files are never named; at most 64, the first in alphabetical order"),
    ];
}
