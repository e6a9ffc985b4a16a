using Pinger.Core.Config;
using Pinger.Core.Discovery;
using Pinger.Core.Running;
using Pinger.Host.Cli;
using Pinger.Protocol.Reports;

namespace Pinger.Host.Commands;

/// <summary>
/// <c>pinger check-config</c>: validates every drop-in against the schema and the installed probes, and
/// explains the effective configuration: which file set which value, the level and why, and which probes run.
/// </summary>
public sealed class CheckConfigCommand(ConfigLoader loader, IProbeCatalogSource probes, DiagnosticsPrinter diagnostics, StandardStreams streams)
{
    /// <summary>Runs the command; returns the exit status.</summary>
    public int Execute()
    {
        var catalog = probes.Load();
        var result = loader.Load(catalog.AsKnownProbes());
        diagnostics.Config(result);
        if (result.Config is not { } config)
        {
            return ExitCodes.InvalidConfig;
        }

        using var output = streams.OutputText();
        Explain(config, catalog, output);
        return ExitCodes.Ok;
    }

    /// <summary>Writes the explanation of <paramref name="config"/>.</summary>
    public static void Explain(EffectiveConfig config, ProbeCatalog catalog, TextWriter output)
    {
        output.WriteLine("Configuration is valid.");
        output.WriteLine();
        output.WriteLine("Files, in merge order (later files override earlier ones):");
        WriteList(output, config.Files, "(none: built-in defaults only)");
        output.WriteLine();
        output.WriteLine("Settings, and the file that set each:");
        WriteList(output, config.Entries.Values.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"{e.Key} = {e.DisplayValue}    ({e.Location})"), "(none)");
        output.WriteLine();
        output.WriteLine($"Level: {LevelNames.Of(config.Level)}, from {config.LevelReason}"
            + (config.LevelIsDefault ? " (a default: no admin file chose it)" : string.Empty));
        if (config.LegacyOptOutFile is not null)
        {
            output.WriteLine($"Reporting is OFF because the fedora-coreos-pinger opt-out file exists: {config.LegacyOptOutFile}");
        }

        output.WriteLine($"Server: {config.Server?.ToString() ?? "(not set: nothing can be sent)"}");
        output.WriteLine();
        output.WriteLine("Probes:");
        WriteList(output, catalog.Probes.Select(p =>
        {
            var decision = ProbeGate.Decide(p, config);
            return $"{p.Id,-20} {(decision.Runs ? "runs" : "skipped"),-8} {decision.Reason}";
        }), "(no probe installed)");
        foreach (var failure in catalog.Failures)
        {
            output.WriteLine($"  {failure.Name,-20} {"broken",-8} {failure.Message}");
        }
    }

    private static void WriteList(TextWriter output, IEnumerable<string> lines, string empty)
    {
        var any = false;
        foreach (var line in lines)
        {
            output.WriteLine("  " + line);
            any = true;
        }

        if (!any)
        {
            output.WriteLine("  " + empty);
        }
    }
}
