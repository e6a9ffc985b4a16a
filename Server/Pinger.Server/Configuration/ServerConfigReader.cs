using Pinger.Configuration;
using Pinger.Plugins.Sdk;

namespace Pinger.Server.Configuration;

/// <summary>Reads the server's drop-ins with the client's rules and strictness; a config with any error is refused whole.</summary>
public static class ServerConfigReader
{
    /// <summary>The standard drop-in directories, in precedence order.</summary>
    public static IReadOnlyList<string> StandardDirectories { get; } =
        ["/usr/lib/pinger-server/config.d", "/run/pinger-server/config.d", "/etc/pinger-server/config.d"];

    /// <summary>The settings, or null with the diagnostics when the config is invalid.</summary>
    public static (ServerSettings? Settings, IReadOnlyList<ConfigDiagnostic> Diagnostics) Read(string? configDir)
    {
        var merged = new DropInConfigReader(ServerConfigSchema.Instance, KnownProbes.NotLoaded).Read(Directories(configDir));
        if (merged.HasErrors)
        {
            return (null, merged.Diagnostics);
        }

        var settings = ServerSettings.From(merged);
        if (settings.Backend == StorageBackend.PostgreSql && string.IsNullOrWhiteSpace(settings.PostgreSqlConnection))
        {
            var at = merged.Winners["storage.backend"].Entry.Location;
            return (null, [.. merged.Diagnostics, new ConfigDiagnostic(DiagnosticSeverity.Error, at, "storage.backend",
                "the postgresql back end needs a connection string", "set storage.postgresql_connection")]);
        }

        if (settings.AdminTokenFile is not null && settings.AdminTokenCredential is not null)
        {
            var at = merged.Winners["admin.token_credential"].Entry.Location;
            return (null, [.. merged.Diagnostics, new ConfigDiagnostic(DiagnosticSeverity.Error, at, "admin.token_credential",
                "admin.token_file and admin.token_credential both name the admin token", "keep one of them")]);
        }

        return (settings, merged.Diagnostics);
    }

    /// <summary>The drop-ins that are merged, in merge order, as paths on this host.</summary>
    public static IReadOnlyList<string> Files(string? configDir) => DropInResolver.Resolve(Directories(configDir)).Select(f => f.HostPath).ToArray();

    private static ConfigDirectory[] Directories(string? configDir)
    {
        var host = new RootedMachineFiles("/");
        return configDir is null
            ? StandardDirectories.Select((d, i) => new ConfigDirectory(host, d, IsDistributionDefault: i == 0)).ToArray()
            : [new ConfigDirectory(host, Path.GetFullPath(configDir))];
    }
}
