using Pinger.Plugins.Sdk;

namespace Pinger.Probes.LayeredPackages;

/// <summary>The layered-packages fields: whether and how much at the minimal level, which well-known packages only at full.</summary>
internal static class LayeredPackagesFields
{
    public const string Layered = "layered";
    public const string LayeredCount = "layered_packages";
    public const string OverriddenCount = "overridden_packages";
    public const string Packages = "packages";
    public const string UnlistedCount = "unlisted_packages";

    public const int MaxPackages = 64;

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
        FieldDeclaration.ListOneOf(
            Packages, MetricsLevel.Full,
            "Names of the packages layered from the distribution's repositories, to learn what the image lacks.",
            WellKnownPackages.Names, MaxPackages,
            "only names on the probe's fixed list of packages from the distribution's repositories, without version or architecture; any other name (a package from a company's own repository, a local RPM file) is counted in unlisted_packages, never sent; at most 64, the first in alphabetical order"),
        FieldDeclaration.Integer(
            UnlistedCount, MetricsLevel.Full,
            "Packages layered from repositories that packages does not name because their names are not on the probe's list, so that how much goes unnamed is known.",
            Coarsen.CountValues),
    ];
}
