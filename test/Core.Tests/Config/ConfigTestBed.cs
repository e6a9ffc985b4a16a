using Pinger.Configuration;
using Pinger.Core.Config;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Tests.Config;

/// <summary>Loads the config of a <see cref="TempMachine"/> the way the host does.</summary>
internal static class ConfigTestBed
{
    public static ProbeDescriptor Platform { get; } = new(
        "platform",
        "Test platform probe.",
        MetricsLevel.Minimal,
        enabledByDefault: true,
        TimeSpan.FromSeconds(1),
        [FieldDeclaration.OneOf("id", MetricsLevel.Minimal, "The platform.", ["aws", "metal"], "fixed set")],
        [SettingDeclaration.Integer("timeout_ms", 1500, "How long to wait.")]);

    public static ProbeDescriptor Hardware { get; } = new(
        "hardware",
        "Test hardware probe.",
        MetricsLevel.Full,
        enabledByDefault: true,
        TimeSpan.FromSeconds(1),
        [FieldDeclaration.Boolean("uefi", MetricsLevel.Full, "Firmware type.")]);

    public static ConfigLoadResult Load(TempMachine machine, KnownProbes? probes = null) =>
        new ConfigLoader(ConfigDirectories.Standard(new RootedMachineFiles(machine.Root)))
            .Load(probes ?? KnownProbes.Of([Platform, Hardware]));

    public static EffectiveConfig LoadValid(TempMachine machine)
    {
        var result = Load(machine);
        Assert.IsTrue(result.IsValid, "expected a valid config, got: " + string.Join("\n", result.Diagnostics));
        return result.Config!;
    }

    public static ConfigDiagnostic SingleError(ConfigLoadResult result)
    {
        Assert.IsFalse(result.IsValid, "expected the config to be rejected");
        var errors = result.Errors.ToArray();
        Assert.HasCount(1, errors, string.Join("\n", errors.Select(e => e.ToString())));
        return errors[0];
    }
}
