using System.Globalization;
using Microsoft.Data.Sqlite;
using Pinger.Protocol.Windows;
using Pinger.Server.Configuration;
using Pinger.Server.Countme;
using Pinger.Server.Hosting;
using Pinger.Server.Storage;

namespace Pinger.Server.Cli;

/// <summary>
/// <c>import-log</c> and <c>import-totals</c>: fold existing countme data into the weekly totals. Each file is
/// recorded by the SHA-256 of its content, so importing the same file again adds nothing. The access logs of one
/// <c>import-log</c> are read together, as mirrors-countme reads the logs of one run: one duplicate check across
/// them, and only the weeks complete in all of them are added.
/// </summary>
public sealed class ImportCommand(ServerSettings settings, string stateDirectory, TextWriter output, TextWriter error, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Imports access logs; returns the exit status. Nothing is recorded unless every file could be read.</summary>
    public int ImportLogs(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var reader = new CountmeLogReader(_clock.GetUtcNow() + CountmeLogImporter.MaxAhead);
        var imports = new List<(string File, CountmeImport Import)>();
        foreach (var file in files)
        {
            try
            {
                imports.Add((file, reader.Read(file)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
            {
                error.WriteLine($"pinger-server: {(e.Message.StartsWith(file, StringComparison.Ordinal) ? e.Message : file + ": " + e.Message)}");
                error.WriteLine($"pinger-server: nothing imported: the logs of one import are read together (one duplicate check, one set of complete weeks); fix or leave out {file} and run again");
                return ServerExitCodes.Failure;
            }
        }

        var range = CountmeWeekRange.Of(imports.Select(i => i.Import));
        return WithStore(store =>
        {
            foreach (var (file, read) in imports)
            {
                var import = range is { } weeks ? weeks.Apply(read) : read;
                if (Record(store, file, import))
                {
                    output.WriteLine(Summary(file, import, range));
                }
            }

            if (imports.Any(i => i.Import.HitsAhead > 0))
            {
                error.WriteLine($"pinger-server: warning: {imports.Sum(i => i.Import.HitsAhead)} hits dated more than {CountmeLogImporter.MaxAhead.TotalHours:0} hours ahead of this machine's clock were refused");
            }

            return ServerExitCodes.Ok;
        });
    }

    /// <summary>Imports a totals file; returns the exit status.</summary>
    public int ImportTotals(string file)
    {
        CountmeImport import;
        try
        {
            import = CountmeTotalsReader.Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException or SqliteException)
        {
            error.WriteLine($"pinger-server: {file}: cannot import: {e.Message}");
            return ServerExitCodes.Failure;
        }

        return WithStore(store =>
        {
            if (Record(store, file, import))
            {
                output.WriteLine($"{file}: {import.LinesRead} lines read, {import.LinesCounted} counted, {import.Totals.Count} weekly totals added");
            }

            return ServerExitCodes.Ok;
        });
    }

    private int WithStore(Func<ICounterStore, int> work)
    {
        try
        {
            using var store = CounterStores.Create(settings, stateDirectory);
            store.Open();
            return work(store);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            error.WriteLine("pinger-server: cannot open storage: " + e.Message);
            return ServerExitCodes.Failure;
        }
    }

    private bool Record(ICounterStore store, string file, CountmeImport import)
    {
        if (store.Import(import.ContentSha256, import.Totals))
        {
            return true;
        }

        output.WriteLine($"{file}: already imported (sha256 {import.ContentSha256}); nothing added");
        return false;
    }

    private static string Summary(string file, CountmeImport import, CountmeWeekRange? range)
    {
        var added = import.LinesCounted - import.HitsOutsideCompleteWeeks;
        var text = $"{file}: {import.LinesRead} lines read, {added} counted, {import.Totals.Count} weekly totals added";
        if (import.HitsRepeated > 0)
        {
            text += $"; {import.HitsRepeated} repeated hits dropped";
        }

        if (import.HitsOutsideCompleteWeeks > 0 && range is { } weeks)
        {
            text += $"; {import.HitsOutsideCompleteWeeks} hits outside the complete weeks not added (published: {Week(weeks.FirstWeek)} up to {Week(weeks.OpenWeek)}, "
                + "which is still open in these logs)";
        }

        if (import.LinesMalformed > 0)
        {
            text += $"; {import.LinesMalformed} malformed lines skipped";
        }

        return text;
    }

    private static string Week(long week) => CountingCalendar.WeekStart(week).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
