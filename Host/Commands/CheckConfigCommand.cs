using Pinger.Configuration;
using Pinger.Core.Config;
using Pinger.Core.Discovery;
using Pinger.Core.Running;
using Pinger.Host.Cli;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;

namespace Pinger.Host.Commands;

/// <summary>
/// <c>pinger check-config</c>: validates every drop-in against the schema and the installed probes, and
/// explains the effective configuration: which file set which value, the level and why, which files were left
/// out, and which probes run. At level off no probe plugin is loaded: only the shape of probe tables is checked.
/// </summary>
public sealed class CheckConfigCommand(ConfigLoader loader, IProbeCatalogSource probes, DiagnosticsPrinter diagnostics, StandardStreams streams)
{
    /// <summary>Runs the command; returns the exit status. <paramref name="quiet"/> prints nothing when the config is valid, but its warnings.</summary>
    public int Execute(bool quiet = false)
    {
        var files = loader.Read();
        var levelCheck = ConfigLoader.Check(files, KnownProbes.NotLoaded);

        // The level decides whether plugin code is loaded at all: an opted-out machine runs none, even to check.
        ProbeCatalog? catalog = null;
        var result = levelCheck;
        if (levelCheck.Config is not { Level: MetricsLevel.Off })
        {
            catalog = probes.Load();
            result = ConfigLoader.Check(files, catalog.AsKnownProbes());
        }

        diagnostics.Config(result);
        if (result.Config is not { } config)
        {
            return ExitCodes.InvalidConfig;
        }

        if (!quiet)
        {
            using var output = streams.OutputText();
            Explain(config, catalog, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Note), output);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Writes the explanation of <paramref name="config"/>; <paramref name="catalog"/> is null when no probe was loaded.</summary>
    public static void Explain(EffectiveConfig config, ProbeCatalog? catalog, IEnumerable<ConfigDiagnostic> notes, TextWriter output)
    {
        output.WriteLine("Configuration is valid.");
        output.WriteLine();
        output.WriteLine("Files, in merge order (later files override earlier ones):");
        WriteList(output, config.Files, "(none: built-in defaults only)");
        var left = notes.Select(n => n.Describe()).ToArray();
        if (left.Length > 0)
        {
            output.WriteLine();
            output.WriteLine("Files masked or replaced:");
            WriteList(output, left, string.Empty);
        }

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

        output.WriteLine($"Server: {(config.Server is { } server ? CredentialRedactor.Redact(server.ToString()) : "(not set: nothing can be sent)")}");
        output.WriteLine();
        output.WriteLine("Probes:");
        if (catalog is null)
        {
            WriteList(output, [], "(not loaded: reporting is off, so no probe code runs; probe tables are checked for shape only)");
            return;
        }

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
