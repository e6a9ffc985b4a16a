using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pinger.Protocol.Windows;
using Pinger.Server.Configuration;
using Pinger.Server.Storage;

namespace Pinger.Server.Operations;

/// <summary>
/// Deletes the windows the retention policy no longer keeps: once at start and then on a fixed interval (a minute by
/// default), whether or not reports arrive, so that old counters go on schedule and a commit never pays for it.
/// </summary>
public sealed partial class RetentionPruner(
    ICounterStore store, RetentionPolicy retention, ServerMetrics metrics, TimeProvider clock, TimeSpan interval, ILogger<RetentionPruner> logger)
    : BackgroundService
{
    /// <summary>How often the server deletes expired windows unless told otherwise.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not during start-up: the first pass runs once the host has started.
        await Task.Yield();
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            PruneOnce();
        }
        while (await Ticked(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> Ticked(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void PruneOnce()
    {
        var oldestKept = retention.OldestKept(clock.GetUtcNow());
        try
        {
            var rows = store.Prune(oldestKept);
            metrics.RowsPruned.Inc(rows);
            if (rows > 0)
            {
                LogPruned(rows, Iso(oldestKept[WindowKind.Day]), Iso(oldestKept[WindowKind.Week]), Iso(oldestKept[WindowKind.Month]));
            }
        }
        catch (StorageUnavailableException e)
        {
            // The next pass tries again; the counters stay until then.
            LogPruneFailed(e.Message);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention deleted {Rows} counter rows: day windows before {Day}, week windows before {Week}, month windows before {Month}")]
    private partial void LogPruned(int rows, string day, string week, string month);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention could not delete expired windows, trying again at the next pass: {Problem}")]
    private partial void LogPruneFailed(string problem);
}
