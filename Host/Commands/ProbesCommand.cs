using Pinger.Core.Config;
using Pinger.Core.Discovery;
using Pinger.Core.Documentation;
using Pinger.Core.Running;
using Pinger.Host.Cli;
using Pinger.Protocol.Reports;

namespace Pinger.Host.Commands;

/// <summary>
/// <c>pinger probes</c>: every discovered probe with where it came from (third-party ones listed apart, with the SDK
/// version they were built against), its level, whether it runs under the
/// current config and why, and every field it may emit. <c>--markdown</c> prints docs/metrics.md instead.
/// </summary>
public sealed class ProbesCommand(ConfigLoader loader, IProbeCatalogSource probes, DiagnosticsPrinter diagnostics, StandardStreams streams)
{
    private const int MinimumNameWidth = 20;

    /// <summary>Runs the command; returns the exit status.</summary>
    public int Execute(bool markdown)
    {
        var catalog = probes.Load();
        using var output = streams.OutputText();
        if (markdown)
        {
            output.Write(MetricsDocument.Write(catalog.Probes.Select(p => p.Descriptor)));
            return ExitCodes.Ok;
        }

        var result = loader.Load(catalog.AsKnownProbes());
        diagnostics.Config(result);
        diagnostics.LayoutWarnings(catalog);
        // The distribution's probes first, then the third-party ones under their own heading, so an admin sees at a
        // glance what was added to this machine.
        foreach (var probe in catalog.Probes.Where(p => !p.IsThirdParty))
        {
            WriteProbe(output, probe, result.Config);
        }

        var thirdParty = catalog.Probes.Where(p => p.IsThirdParty).ToArray();
        if (thirdParty.Length > 0)
        {
            output.WriteLine($"Third-party probes ({thirdParty.Length}):");
            output.WriteLine();
        }

        foreach (var probe in thirdParty)
        {
            WriteProbe(output, probe, result.Config);
        }

        foreach (var failure in catalog.Failures)
        {
            output.WriteLine($"{failure.Name}: NOT LOADED from {failure.Path}: {failure.Message}");
            output.WriteLine();
        }

        if (catalog.Probes.Count == 0 && catalog.Failures.Count == 0)
        {
            output.WriteLine("No probe is installed.");
        }

        return result.IsValid ? (catalog.Failures.Count > 0 ? ExitCodes.PartialReport : ExitCodes.Ok) : ExitCodes.InvalidConfig;
    }

    private static void WriteProbe(TextWriter output, DiscoveredProbe probe, EffectiveConfig? config)
    {
        var descriptor = probe.Descriptor;
        var decision = config is null ? "unknown: the configuration is invalid" : Describe(ProbeGate.Decide(probe, config));
        output.WriteLine($"{descriptor.Id}: {descriptor.Description}");
        output.WriteLine($"  source:   {probe.AssemblyPath} ({(probe.IsThirdParty ? "third-party, installed by the admin" : "distribution")})");
        output.WriteLine($"  sdk:      built against {PluginSdkReference.SdkAssemblyName} {probe.SdkVersion.ToString(2)} (this pinger: {PluginSdkReference.HostVersion.ToString(2)})");
        output.WriteLine($"  level:    {LevelNames.Of(descriptor.MinimumLevel)} and above; {(descriptor.EnabledByDefault ? "on" : "off")} by default; budget {descriptor.TimeBudget.TotalMilliseconds:0} ms");
        output.WriteLine($"  now:      {decision}");
        output.WriteLine("  fields:");
        // The name column is as wide as the probe's longest name, so long names do not push their rows out of line.
        var nameWidth = descriptor.Fields.Select(f => f.Name.Length).Append(MinimumNameWidth).Max();
        foreach (var field in descriptor.Fields)
        {
            output.WriteLine($"    {field.Name.PadRight(nameWidth)} {LevelNames.Of(field.Level),-8} {field.Description}");
        }

        output.WriteLine();
    }

    private static string Describe(ProbeDecision decision) => (decision.Runs ? "runs: " : "skipped: ") + decision.Reason;
}
