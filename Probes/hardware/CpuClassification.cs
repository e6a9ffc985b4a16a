namespace Pinger.Probes.Hardware;

/// <summary>Reduces <see cref="CpuInfo"/> to the vendor and family tokens the probe may report.</summary>
internal static class CpuClassification
{
    public const string Other = "other";

    public static IReadOnlyList<string> VendorTokens { get; } =
        ["intel", "amd", "hygon", "ibm", "arm", "ampere", "apple", "qualcomm", "nvidia", "hisilicon", "fujitsu", Other];

    public static IReadOnlyList<string> FamilyTokens { get; } =
    [
        "xeon", "core", "pentium", "celeron", "atom", "epyc", "threadripper", "ryzen", "opteron", "athlon",
        "neoverse", "cortex", "power", "z", Other,
    ];

    private static readonly Dictionary<string, string> VendorIds = new(StringComparer.Ordinal)
    {
        ["GenuineIntel"] = "intel",
        ["AuthenticAMD"] = "amd",
        ["HygonGenuine"] = "hygon",
        ["IBM/S390"] = "ibm",
    };

    // Arm's "CPU implementer" codes, as the kernel's arch/arm64/include/asm/cputype.h names them.
    private static readonly Dictionary<string, string> Implementers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["0x41"] = "arm",
        ["0xc0"] = "ampere",
        ["0x61"] = "apple",
        ["0x51"] = "qualcomm",
        ["0x4e"] = "nvidia",
        ["0x48"] = "hisilicon",
        ["0x46"] = "fujitsu",
    };

    // Arm Ltd "CPU part" codes of the Neoverse server cores (N1, V1, N2, V2, V3, N3); Arm's other parts are Cortex.
    private static readonly HashSet<string> NeoverseParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "0xd0c", "0xd40", "0xd49", "0xd4f", "0xd84", "0xd8e",
    };

    // Searched in order in the lower-cased model name: Threadripper names also say "Ryzen", AMD names say
    // "24-Core Processor", so Intel's Core is recognised only by its trademark spelling.
    private static readonly (string Needle, string Family)[] ModelNameWords =
    [
        ("xeon", "xeon"), ("epyc", "epyc"), ("threadripper", "threadripper"), ("ryzen", "ryzen"), ("opteron", "opteron"),
        ("athlon", "athlon"), ("pentium", "pentium"), ("celeron", "celeron"), ("atom", "atom"),
        ("core(tm)", "core"), ("core\u2122", "core"), ("intel core", "core"),
    ];

    /// <summary>The vendor token, or null when the file names no vendor at all.</summary>
    public static string? Vendor(CpuInfo cpu)
    {
        if (cpu.VendorId is { Length: > 0 } vendorId)
        {
            return VendorIds.GetValueOrDefault(vendorId, Other);
        }

        if (cpu.Implementer is { Length: > 0 } implementer)
        {
            return Implementers.GetValueOrDefault(implementer, Other);
        }

        return cpu.PowerModel is { Length: > 0 } power && power.StartsWith("POWER", StringComparison.OrdinalIgnoreCase) ? "ibm" : null;
    }

    /// <summary>The family token, or null when the file describes no model at all.</summary>
    public static string? Family(CpuInfo cpu)
    {
        if (cpu.ModelName is { Length: > 0 } modelName)
        {
            var lower = modelName.ToLowerInvariant();
            return ModelNameWords.FirstOrDefault(w => lower.Contains(w.Needle, StringComparison.Ordinal)).Family ?? Other;
        }

        if (cpu.VendorId == "IBM/S390")
        {
            return "z";
        }

        if (cpu.Implementer is { Length: > 0 } implementer)
        {
            return !implementer.Equals("0x41", StringComparison.OrdinalIgnoreCase) ? Other
                : cpu.Part is not null && NeoverseParts.Contains(cpu.Part) ? "neoverse" : "cortex";
        }

        return cpu.PowerModel is { Length: > 0 } power ? (power.StartsWith("POWER", StringComparison.OrdinalIgnoreCase) ? "power" : Other) : null;
    }
}
