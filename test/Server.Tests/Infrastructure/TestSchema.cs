using Pinger.Plugins.Sdk;
using Pinger.Protocol.Schema;

namespace Pinger.Server.Tests.Infrastructure;

/// <summary>The tests' own field declarations, written as a schema file exactly as <c>pinger schema</c> would.</summary>
internal static class TestSchema
{
    public static ProbeDescriptor OsVersions { get; } = new(
        "os-versions", "OS versions.", MetricsLevel.Minimal, true, TimeSpan.FromSeconds(1),
        [
            FieldDeclaration.OneOf("id", MetricsLevel.Minimal, "OS id.", ["fedora", "rhel", "centos"], "fixed set"),
            FieldDeclaration.Matching("version_id", MetricsLevel.Minimal, "Version id.", @"\A[0-9]{1,3}\z", 3, 1000, "as released"),
            FieldDeclaration.OneOf("variant_id", MetricsLevel.Minimal, "Variant.", ["coreos", "workstation", "server", "generic"], "fixed set"),
            FieldDeclaration.OneOf("machine", MetricsLevel.Minimal, "Architecture.", ["x86_64", "aarch64", "s390x", "ppc64le"], "fixed set"),
            FieldDeclaration.Matching("version", MetricsLevel.Minimal, "Full version.", @"\A[0-9.]+\z", 32, 1000, "as released"),
        ]);

    public static ProbeDescriptor Platform { get; } = new(
        "platform", "Platform.", MetricsLevel.Minimal, true, TimeSpan.FromSeconds(1),
        [
            FieldDeclaration.OneOf("id", MetricsLevel.Minimal, "Platform id.", ["aws", "gcp", "azure", "metal", "qemu"], "fixed set"),
            FieldDeclaration.OneOf("source", MetricsLevel.Minimal, "Where it was read.", ["ignition", "cmdline"], "fixed set"),
        ]);

    public static ProbeDescriptor Hardware { get; } = new(
        "hardware", "Hardware.", MetricsLevel.Full, false, TimeSpan.FromSeconds(1),
        [
            FieldDeclaration.Integer("cpus", MetricsLevel.Full, "CPU count.", IntegerValues.PowersOfTwo(1, 1024)),
            FieldDeclaration.Boolean("tpm", MetricsLevel.Full, "Has a TPM."),
            FieldDeclaration.ListOneOf("features", MetricsLevel.Full, "CPU features.", ["avx", "avx2", "sse4", "aes"], 3, "fixed set"),
        ]);

    public static ProbeDescriptor Extra { get; } = new(
        "extra", "A probe installed later.", MetricsLevel.Minimal, true, TimeSpan.FromSeconds(1),
        [FieldDeclaration.OneOf("flavour", MetricsLevel.Minimal, "Flavour.", ["vanilla", "mint"], "fixed set")]);

    public static IReadOnlyList<ProbeDescriptor> Standard { get; } = [OsVersions, Platform, Hardware];

    public static string Json(IEnumerable<ProbeDescriptor> probes) => SchemaFile.Write(probes);
}
