using Microsoft.Data.Sqlite;
using Pinger.Server.Configuration;
using Pinger.Server.Countme;
using Pinger.Server.Hosting;
using Pinger.Server.Storage;

namespace Pinger.Server.Cli;

/// <summary>
/// <c>import-log</c> and <c>import-totals</c>: fold existing countme data into the weekly totals. Each file is
/// recorded by the SHA-256 of its content, so importing the same file again adds nothing.
/// </summary>
public sealed class ImportCommand(ServerSettings settings, string stateDirectory, TextWriter output, TextWriter error)
{
    /// <summary>Imports access logs; returns the exit status.</summary>
    public int ImportLogs(IReadOnlyList<string> files) => Import(files, CountmeLogImporter.Import);

    /// <summary>Imports a totals file; returns the exit status.</summary>
    public int ImportTotals(string file) => Import([file], CountmeTotalsReader.Read);

    private int Import(IReadOnlyList<string> files, Func<string, CountmeImport> read)
    {
        try
        {
            using var store = CounterStores.Create(settings, stateDirectory);
            store.Open();
            var status = ServerExitCodes.Ok;
            foreach (var file in files)
            {
                status = Math.Max(status, ImportOne(store, file, read));
            }

            return status;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            error.WriteLine("pinger-server: cannot open storage: " + e.Message);
            return ServerExitCodes.Failure;
        }
    }

    private int ImportOne(ICounterStore store, string file, Func<string, CountmeImport> read)
    {
        CountmeImport import;
        try
        {
            import = read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException or SqliteException)
        {
            error.WriteLine($"pinger-server: {file}: cannot import: {e.Message}");
            return ServerExitCodes.Failure;
        }

        if (!store.Import(import.ContentSha256, import.Totals))
        {
            output.WriteLine($"{file}: already imported (sha256 {import.ContentSha256}); nothing added");
            return ServerExitCodes.Ok;
        }

        output.WriteLine($"{file}: {import.LinesRead} lines read, {import.LinesCounted} counted, {import.Totals.Count} weekly totals added");
        return ServerExitCodes.Ok;
    }
}
