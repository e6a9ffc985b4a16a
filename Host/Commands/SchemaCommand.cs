using Pinger.Core.Discovery;
using Pinger.Host.Cli;
using Pinger.Protocol.Schema;
using Serilog;

namespace Pinger.Host.Commands;

/// <summary>
/// <c>pinger schema</c>: prints the field registry of the installed probes as a schema file, for the server's
/// schema directory, or writes it to a file atomically.
/// </summary>
public sealed class SchemaCommand(IProbeCatalogSource probes, DiagnosticsPrinter diagnostics, StandardStreams streams, ILogger logger)
{
    /// <summary>Runs the command; returns the exit status.</summary>
    /// <param name="outputFile">The file to write, or null for standard output.</param>
    public int Execute(string? outputFile = null)
    {
        var catalog = probes.Load();
        var schema = SchemaFile.Write(catalog.Probes.Select(p => p.Descriptor));
        diagnostics.LayoutWarnings(catalog);
        foreach (var failure in catalog.Failures)
        {
            diagnostics.LoadFailure(failure);
        }

        if (outputFile is null)
        {
            using var output = streams.OutputText();
            output.Write(schema);
        }
        else
        {
            try
            {
                AtomicFile.Write(outputFile, schema);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.Error("cannot write the schema file {SchemaFile}: {Error}", Path.GetFullPath(outputFile), e.Message);
                return ExitCodes.Failure;
            }
        }

        return catalog.Failures.Count > 0 ? ExitCodes.PartialReport : ExitCodes.Ok;
    }
}
