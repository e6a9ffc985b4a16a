using System.Text.Json;
using Pinger.Plugins.Sdk;

namespace Pinger.Probes.LayeredPackages;

/// <summary>
/// What was layered on the booted rpm-ostree deployment. At the minimal level only whether and how much; at the full
/// level the names of packages on a fixed list of the distribution's packages, and how many others. No other name is
/// ever reported: a local RPM file or a company's own repository may name an organisation or a person.
/// </summary>
public sealed class LayeredPackagesProbe : IProbe
{
    private static readonly string[] StatusArguments = ["status", "--json"];

    /// <inheritdoc />
    public ProbeDescriptor Descriptor { get; } = new(
        "layered-packages",
        "Whether packages are layered on or removed from the booted rpm-ostree deployment, how many, and at the full level which well-known ones from the distribution's repositories.",
        MetricsLevel.Minimal,
        enabledByDefault: true,
        TimeSpan.FromSeconds(30),
        LayeredPackagesFields.All);

    /// <inheritdoc />
    public async Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        var result = await context.Commands.RunAsync("rpm-ostree", StatusArguments, cancellationToken).ConfigureAwait(false);
        if (!result.Found)
        {
            return ProbeResult.NotApplicable("rpm-ostree is not installed.");
        }

        if (result.ExitCode != 0)
        {
            // rpm-ostree is packaged for ordinary Fedora too, where status fails because nothing was booted from ostree.
            context.Log.Debug($"rpm-ostree status --json exited with status {result.ExitCode}.");
            return context.Files.Exists("/run/ostree-booted")
                ? ProbeResult.Failed("rpm-ostree status --json failed.")
                : ProbeResult.NotApplicable("The system was not booted from an ostree deployment.");
        }

        BootedDeployment? deployment;
        try
        {
            deployment = BootedDeployment.Parse(result.StandardOutput);
        }
        catch (JsonException)
        {
            return ProbeResult.Failed("rpm-ostree status --json did not print the expected JSON.");
        }

        if (deployment is null)
        {
            return ProbeResult.Failed("rpm-ostree status --json lists no booted deployment.");
        }

        var layeredCount = deployment.RequestedPackages.Count + deployment.LocalPackages.Count;
        var values = new FieldValues()
            .Set(LayeredPackagesFields.Layered, layeredCount > 0 || deployment.OverrideCount > 0 || deployment.HasRequestedOverrides)
            .Set(LayeredPackagesFields.LayeredCount, Coarsen.Count(layeredCount))
            .Set(LayeredPackagesFields.OverriddenCount, Coarsen.Count(deployment.OverrideCount));
        if (context.Level >= MetricsLevel.Full)
        {
            var named = WellKnownRepositoryPackageNames(deployment);
            values.Set(LayeredPackagesFields.Packages, named);
            values.Set(LayeredPackagesFields.UnlistedCount, Coarsen.Count(UnnamedCount(deployment, named)));
        }

        return ProbeResult.Collected(values);
    }

    // Names from repositories that are on the fixed list, minus any name also layered from a local file.
    private static IReadOnlyList<string> WellKnownRepositoryPackageNames(BootedDeployment deployment)
    {
        var localNames = deployment.LocalPackages.Select(PackageName.FromSpec).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return deployment.RequestedPackages
            .Select(PackageName.FromSpec)
            .OfType<string>()
            .Where(name => WellKnownPackages.Contains(name) && !localNames.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Take(LayeredPackagesFields.MaxPackages)
            .ToArray();
    }

    // Every package requested from a repository that the named list does not account for.
    private static int UnnamedCount(BootedDeployment deployment, IReadOnlyList<string> named) =>
        deployment.RequestedPackages.Count(spec => PackageName.FromSpec(spec) is not { } name || !named.Contains(name, StringComparer.Ordinal));
}
