using Pinger.Core.Discovery;
using Pinger.Host.Cli;
using Pinger.Protocol.Schema;

namespace Pinger.Host.Commands;

/// <summary>
/// <c>pinger schema</c>: prints the field registry of the installed probes as a schema file, for the server's
/// schema directory.
/// </summary>
public sealed class SchemaCommand(IProbeCatalogSource probes, DiagnosticsPrinter diagnostics, StandardStreams streams)
{
    /// <summary>Runs the command; returns the exit status.</summary>
    public int Execute()
    {
        var catalog = probes.Load();
        using var output = streams.OutputText();
        output.Write(SchemaFile.Write(catalog.Probes.Select(p => p.Descriptor)));
        foreach (var failure in catalog.Failures)
        {
            diagnostics.LoadFailure(failure);
        }

        return catalog.Failures.Count > 0 ? ExitCodes.PartialReport : ExitCodes.Ok;
    }
}
