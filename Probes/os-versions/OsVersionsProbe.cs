using Pinger.Plugins.Sdk;

namespace Pinger.Probes.OsVersions;

/// <summary>
/// Reports which OS release runs now (os-release), which one the machine was installed with (the aleph file
/// Fedora CoreOS and bootc write at install time), the update stream, and the CPU architecture.
/// </summary>
public sealed class OsVersionsProbe : IProbe
{
    private static readonly FieldDeclaration IdField = Token(
        "id", "The distribution's ID from os-release, such as fedora or debian.", @"\A[a-z0-9._-]{1,32}\z", 32, 256);

    private static readonly FieldDeclaration VersionIdField = Token(
        "version_id", "The distribution's VERSION_ID from os-release, such as 41 or 12.", @"\A[a-z0-9._-]{1,32}\z", 32, 256);

    private static readonly FieldDeclaration VariantIdField = Token(
        "variant_id", "The edition's VARIANT_ID from os-release, such as coreos, where the distribution sets one.", @"\A[a-z0-9._-]{1,32}\z", 32, 256);

    private static readonly FieldDeclaration VersionField = Token(
        "version", "The exact OS build now running (OSTREE_VERSION from os-release), on image-based systems only.", @"\A[0-9A-Za-z._-]{1,64}\z", 64, 1000);

    private static readonly FieldDeclaration OriginalVersionField = Token(
        "original_version", "The OS build the machine was first installed with, from the aleph file written at install time.", @"\A[0-9A-Za-z._-]{1,64}\z", 64, 1000);

    private static readonly FieldDeclaration StreamField = FieldDeclaration.OneOf(
        "stream",
        MetricsLevel.Minimal,
        "The Fedora CoreOS update stream the machine was installed from.",
        UpdateStream.Known.Append(UpdateStream.Other),
        "one of a fixed list; a Fedora CoreOS stream not in it is reported as \"other\"");

    private static readonly FieldDeclaration MachineField = FieldDeclaration.OneOf(
        "machine",
        MetricsLevel.Minimal,
        "The CPU architecture the kernel runs (uname -m).",
        CpuArchitecture.Known.Append(CpuArchitecture.Other),
        "one of a fixed list; anything else is reported as \"other\"");

    /// <inheritdoc />
    public ProbeDescriptor Descriptor { get; } = new(
        "os-versions",
        "The running OS release, the release the machine was installed with, its update stream and the CPU architecture.",
        MetricsLevel.Minimal,
        enabledByDefault: true,
        TimeSpan.FromSeconds(2),
        [IdField, VersionIdField, VariantIdField, VersionField, OriginalVersionField, StreamField, MachineField]);

    /// <inheritdoc />
    public async Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        var osRelease = OsRelease.Read(context.Files);
        var aleph = Aleph.Read(context.Files, context.Log);
        if (osRelease is null && aleph is null)
        {
            return ProbeResult.NotApplicable("Neither os-release nor an install-time aleph file exists.");
        }

        var values = new FieldValues();
        void Set(FieldDeclaration field, string? value)
        {
            // A value outside the pattern is left out rather than cut to fit: a shortened version string would be a wrong one.
            if (value is not null && !values.SetIfAccepted(field, value))
            {
                context.Log.Debug($"Left out {field.Name}: the value on this machine does not match the field's declaration.");
            }
        }

        if (osRelease is not null)
        {
            Set(IdField, osRelease.GetValueOrDefault("ID"));
            Set(VersionIdField, osRelease.GetValueOrDefault("VERSION_ID"));
            Set(VariantIdField, osRelease.GetValueOrDefault("VARIANT_ID"));

            // VERSION is free text ("41.20241109.3.0 (CoreOS)"); only the machine-readable OSTREE_VERSION is sent.
            Set(VersionField, osRelease.GetValueOrDefault("OSTREE_VERSION"));
        }

        if (aleph is not null)
        {
            Set(OriginalVersionField, aleph.Version);
            Set(StreamField, aleph.Stream);
        }

        Set(MachineField, await CpuArchitecture.ReadAsync(context, cancellationToken).ConfigureAwait(false));
        return ProbeResult.Collected(values);
    }

    private static FieldDeclaration Token(string name, string description, string pattern, int maxLength, int maxDistinctPerWindow) =>
        FieldDeclaration.Matching(
            name,
            MetricsLevel.Minimal,
            description,
            pattern,
            maxLength,
            maxDistinctPerWindow,
            "a machine-readable token written when the OS image was built (by the distribution, or by the builder of a derivative image), not typed per machine; sent only when the whole value matches the pattern; otherwise left out, never shortened");
}
