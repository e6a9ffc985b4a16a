using CsCheck;
using Pinger.Plugins.Sdk;

namespace Pinger.Properties.Tests.Infrastructure;

/// <summary>
/// The field registry the properties run against: every kind of declaration (a set, a pattern, an integer, a boolean,
/// lists of both), at both levels, and a generator of a valid value for each field.
/// </summary>
internal static class PropertyRegistry
{
    public static IReadOnlyList<ProbeDescriptor> Probes { get; } =
    [
        new("os-versions", "OS versions.", MetricsLevel.Minimal, true, TimeSpan.FromSeconds(1),
        [
            FieldDeclaration.OneOf("id", MetricsLevel.Minimal, "OS id.", ["fedora", "rhel", "centos"], "fixed set"),
            FieldDeclaration.Matching("version_id", MetricsLevel.Minimal, "Version id.", @"\A[0-9]{1,3}\z", 3, 1000, "as released"),
            FieldDeclaration.OneOf("variant_id", MetricsLevel.Minimal, "Variant.", ["coreos", "server", "generic"], "fixed set"),
            FieldDeclaration.OneOf("machine", MetricsLevel.Minimal, "Architecture.", ["x86_64", "aarch64", "s390x"], "fixed set"),
        ]),
        new("platform", "Platform.", MetricsLevel.Minimal, true, TimeSpan.FromSeconds(1),
        [
            FieldDeclaration.OneOf("id", MetricsLevel.Minimal, "Platform id.", ["aws", "gcp", "metal", "qemu"], "fixed set"),
            FieldDeclaration.Boolean("virtual", MetricsLevel.Full, "Runs in a virtual machine."),
        ]),
        new("hardware", "Hardware.", MetricsLevel.Full, false, TimeSpan.FromSeconds(1),
        [
            FieldDeclaration.Integer("cpus", MetricsLevel.Full, "CPU count.", IntegerValues.PowersOfTwo(1, 1L << 62)),
            FieldDeclaration.Boolean("tpm", MetricsLevel.Full, "Has a TPM."),
            FieldDeclaration.ListOneOf("features", MetricsLevel.Full, "CPU features.", ["avx", "avx2", "sse4", "aes"], 4, "fixed set"),
        ]),
        new("network", "Network.", MetricsLevel.Full, false, TimeSpan.FromSeconds(1),
        [
            FieldDeclaration.ListMatching("kinds", MetricsLevel.Full, "Interface kinds.", @"\A[a-z]{1,8}\z", 8, 3, 1000, "kinds only"),
        ]),
    ];

    /// <summary>Tokens for pattern-matched lists: few, so that the counters stay a small table however long the run.</summary>
    private static readonly string[] Kinds = ["ethernet", "wifi", "bond", "vlan", "bridge", "tun"];

    /// <summary>
    /// A valid value for <paramref name="field"/>: a string, a long, a bool or a string array (duplicates included).
    /// Values come from small sets (integers are powers of two, as probes coarsen them) so the counters read back after
    /// every report stay a table of a few hundred cells.
    /// </summary>
    public static Gen<object> ValueOf(FieldDeclaration field) => (field.Type, field.AllowedValues) switch
    {
        (FieldType.Text, { } allowed) => Gen.OneOf(allowed.ToArray()).Select(v => (object)v),
        (FieldType.Text, null) => Gen.Int[0, 40].Select(v => (object)v.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        (FieldType.Integer, _) => Gen.Int[0, 62].Select(v => (object)(1L << v)),
        (FieldType.Boolean, _) => Gen.Bool.Select(v => (object)v),
        (FieldType.TextList, { } allowed) => Gen.OneOf(allowed.ToArray()).Array[0, field.MaxItems + 2].Select(v => (object)v),
        _ => Gen.OneOf(Kinds).Array[0, field.MaxItems].Select(v => (object)v),
    };
}
