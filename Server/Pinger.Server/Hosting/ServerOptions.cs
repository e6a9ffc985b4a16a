using Microsoft.Extensions.Logging;
using Pinger.Server.Configuration;
using Pinger.Server.Operations;
using Pinger.Server.Storage;

namespace Pinger.Server.Hosting;

/// <summary>Everything a server instance is built from: the command line's choices over the config's settings.</summary>
public sealed record ServerOptions
{
    /// <summary>The default state directory.</summary>
    public const string DefaultStateDirectory = "/var/lib/pinger-server";

    /// <summary>The effective settings.</summary>
    public required ServerSettings Settings { get; init; }

    /// <summary>Kestrel's listening URLs, separated by ';'; null for the settings' <c>server.listen</c>.</summary>
    public string? Urls { get; init; }

    /// <summary>Where the SQLite file lives.</summary>
    public string StateDirectory { get; init; } = DefaultStateDirectory;

    /// <summary>The clock; tests pin it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How often schema files are checked for changes the watcher may have missed.</summary>
    public TimeSpan SchemaPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often windows past their retention are deleted (and once at start).</summary>
    public TimeSpan PruneInterval { get; init; } = RetentionPruner.DefaultInterval;

    /// <summary>Opens the store; the default follows <see cref="ServerSettings.Backend"/>. Tests wrap it.</summary>
    public Func<ServerOptions, ICounterStore>? StoreFactory { get; init; }

    /// <summary>Logging set-up; the default writes single lines to standard error (the journal under systemd).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}
