using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pinger.Server.Registry;

/// <summary>
/// Holds the current registry and reloads it when the schema files change, without a restart: a file system
/// watcher reacts at once, and a periodic check of the files' fingerprint catches what watchers miss (a directory
/// created later, a network file system). A bad file keeps the previous registry and logs the error.
/// </summary>
public sealed partial class FieldRegistrySource : BackgroundService
{
    private readonly IReadOnlyList<string> _directories;
    private readonly ILogger<FieldRegistrySource> _logger;
    private readonly SemaphoreSlim _changed = new(0);
    private readonly TimeSpan _pollInterval;
    private string _fingerprint = string.Empty;
    private volatile FieldRegistry _current = FieldRegistry.Empty;

    /// <summary>Loads the registry from <paramref name="directories"/> at once.</summary>
    public FieldRegistrySource(IReadOnlyList<string> directories, TimeSpan pollInterval, ILogger<FieldRegistrySource> logger)
    {
        _directories = directories;
        _pollInterval = pollInterval;
        _logger = logger;
        Reload();
    }

    /// <summary>The registry reports are checked against now.</summary>
    public FieldRegistry Current => _current;

    /// <summary>Reads the files again when they changed; returns whether a new registry is in force.</summary>
    public bool Reload()
    {
        var fingerprint = FieldRegistryLoader.Fingerprint(_directories);
        if (fingerprint == _fingerprint)
        {
            return false;
        }

        _fingerprint = fingerprint;
        try
        {
            _current = FieldRegistryLoader.Load(_directories);
            if (_current.ProbeCount == 0)
            {
                LogEmpty(string.Join(", ", _directories));
            }
            else
            {
                LogLoaded(_current.ProbeCount, string.Join(", ", _directories));
            }

            return true;
        }
        catch (FormatException e)
        {
            LogRejected(e.Message);
            return false;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watchers = _directories.Where(Directory.Exists).Select(Watch).ToArray();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _changed.WaitAsync(_pollInterval, stoppingToken).ConfigureAwait(false);

                // Let an editor or a package manager finish writing before reading.
                await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken).ConfigureAwait(false);
                while (_changed.CurrentCount > 0)
                {
                    await _changed.WaitAsync(stoppingToken).ConfigureAwait(false);
                }

                Reload();
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                watcher.Dispose();
            }
        }
    }

    private FileSystemWatcher Watch(string directory)
    {
        var watcher = new FileSystemWatcher(directory, "*.json") { EnableRaisingEvents = true };
        watcher.Changed += (_, _) => _changed.Release();
        watcher.Created += (_, _) => _changed.Release();
        watcher.Deleted += (_, _) => _changed.Release();
        watcher.Renamed += (_, _) => _changed.Release();
        return watcher;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Field registry loaded: {ProbeCount} probes from {Directories}")]
    private partial void LogLoaded(int probeCount, string directories);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No field registry file (*.json from `pinger schema`) in {Directories}: every report is refused until one is added")]
    private partial void LogEmpty(string directories);

    [LoggerMessage(Level = LogLevel.Error, Message = "Field registry not reloaded, the previous one stays in force: {Problem}")]
    private partial void LogRejected(string problem);
}
