//#if (!probeIdIsValid)
#error The probe id given with --probe-id is not valid: it must be 1 to 40 characters, lower case letters, digits, '-' and '_', starting with a letter (e.g. acme-widgets). Create the probe again with such an id.
//#endif
using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Parsing;

namespace Acme.Probes.Example;

/// <summary>
/// Reports the Acme edition and release from /etc/acme/release and, at level full, how many widgets are configured.
/// Reads files through <see cref="IProbeContext.Files"/> only, so tests run it against fixture roots.
/// </summary>
public sealed class ExampleProbe : IProbe
{
    /// <inheritdoc />
    public ProbeDescriptor Descriptor { get; } = new(
        "acme-example",
        "The Acme edition and release installed on this machine.",
        MetricsLevel.Minimal,
        enabledByDefault: true,
        TimeSpan.FromMilliseconds(500),
        [ExampleFields.Edition, ExampleFields.Version, ExampleFields.Widgets]);

    /// <inheritdoc />
    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        var text = context.Files.ReadText("/etc/acme/release");
        if (text is null)
        {
            return Task.FromResult(ProbeResult.NotApplicable("Acme is not installed"));
        }

        var release = KeyValueFile.Parse(text);
        var values = new FieldValues()
            .Set(ExampleFields.Edition.Name, Coarsen.AllowListed(release.GetValueOrDefault("EDITION"), ExampleFields.Editions));
        values.SetIfAccepted(ExampleFields.Version, MajorMinor(release.GetValueOrDefault("VERSION")));
        if (context.Level >= ExampleFields.Widgets.Level)
        {
            values.Set(ExampleFields.Widgets.Name, Coarsen.Count(context.Files.ListDirectory("/etc/acme/widgets.d").Count));
        }

        return Task.FromResult(ProbeResult.Collected(values));
    }

    // "2.7.3" gives "2.7": a patch level would split the count without telling anyone anything useful.
    internal static string? MajorMinor(string? version) =>
        version?.Split('.') is [var major, var minor, ..] ? $"{major}.{minor}" : null;
}
