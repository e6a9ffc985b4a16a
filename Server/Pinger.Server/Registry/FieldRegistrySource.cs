using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pinger.Server.Registry;

/// <summary>
/// Holds the current registry and reloads it when the schema files change, without a restart: a file system
/// watcher reacts at once, and a periodic check of the files' fingerprint catches what watchers miss (a directory
/// created later, a network file system). It starts only with a registry that knows a probe; later, a bad file or
/// files that vanish keep the previous registry and log the error, so a reload never leaves a registry that refuses
/// every report.
/// </summary>
public sealed partial class FieldRegistrySource : BackgroundService
{
    private readonly IReadOnlyList<string> _directories;
    private readonly ILogger<FieldRegistrySource> _logger;
    private readonly SemaphoreSlim _changed = new(0);
    private readonly TimeSpan _pollInterval;
    private string _fingerprint;
    private volatile FieldRegistry _current;

    /// <summary>Loads the registry from <paramref name="directories"/> at once; throws <see cref="NoFieldRegistryException"/> when it is empty or unreadable.</summary>
    public FieldRegistrySource(IReadOnlyList<string> directories, TimeSpan pollInterval, ILogger<FieldRegistrySource> logger)
    {
        _directories = directories;
        _pollInterval = pollInterval;
        _logger = logger;
        _fingerprint = FieldRegistryLoader.Fingerprint(directories);
        _current = FieldRegistryLoader.LoadNonEmpty(directories);
        LogLoaded(_current.ProbeCount, string.Join(", ", _directories));
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
            var loaded = FieldRegistryLoader.Load(_directories);
            if (loaded.ProbeCount == 0)
            {
                LogEmptyKept(string.Join(", ", _directories), _current.ProbeCount);
                return false;
            }

            _current = loaded;
            LogLoaded(_current.ProbeCount, string.Join(", ", _directories));
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

    [LoggerMessage(Level = LogLevel.Error, Message = "No probe left in the field registry files (*.json from `pinger schema`) of {Directories}: the previous registry ({ProbeCount} probes) stays in force")]
    private partial void LogEmptyKept(string directories, int probeCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Field registry not reloaded, the previous one stays in force: {Problem}")]
    private partial void LogRejected(string problem);
}
