using Pinger.Configuration;

namespace Pinger.Server.Configuration;

/// <summary>The server's effective settings: the drop-ins' values over the built-in defaults.</summary>
public sealed record ServerSettings
{
    /// <summary>The standard schema directories, distribution first, so the admin's file of the same name wins.</summary>
    public static IReadOnlyList<string> StandardSchemaDirectories => SchemaSearchPaths.Standard;

    /// <summary>The default listening address: loopback only, a reverse proxy faces the network.</summary>
    public static readonly IReadOnlyList<string> DefaultListenUrls = ["http://127.0.0.1:8080"];

    /// <summary>Kestrel's listening URLs (<c>server.listen</c>).</summary>
    public IReadOnlyList<string> ListenUrls { get; init; } = DefaultListenUrls;

    /// <summary>Where counters are kept.</summary>
    public StorageBackend Backend { get; init; } = StorageBackend.Sqlite;

    /// <summary>The PostgreSQL connection string, when that back end is chosen.</summary>
    public string? PostgreSqlConnection { get; init; }

    /// <summary>Below this much free space in the state directory, /readyz fails.</summary>
    public long MinFreeDiskBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The largest report body accepted.</summary>
    public int MaxBodyBytes { get; init; } = 8192;

    /// <summary>Reports that may wait for a commit.</summary>
    public int QueueCapacity { get; init; } = 10_000;

    /// <summary>Requests per minute per client address; 0 is unlimited.</summary>
    public int RateLimitPerMinute { get; init; } = 600;

    /// <summary>Whether the rate limiter keys on the proxy's X-Forwarded-For entry rather than the connection.</summary>
    public bool RateLimitByForwardedFor { get; init; }

    /// <summary>The reverse proxies (addresses or CIDR networks) whose X-Forwarded-For is believed.</summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>How long counters of each window kind are kept.</summary>
    public RetentionPolicy Retention { get; init; } = RetentionPolicy.Default;

    /// <summary>How far off a client's clock may be when it names its windows.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A floor under the noisy thresholds: public noisy counts below it are withheld too.</summary>
    public long MinCount { get; init; } = 10;

    /// <summary>The differential privacy budget ε of each window's public release.</summary>
    public decimal Epsilon { get; init; } = 1.0m;

    /// <summary>Where /metrics is served instead of the main listener (a loopback URL), or null for the main one.</summary>
    public string? MetricsListen { get; init; }

    /// <summary>The admin bearer token's file, or null when the admin API is off.</summary>
    public string? AdminTokenFile { get; init; }

    /// <summary>The systemd credential holding the admin token, resolved into <see cref="AdminTokenFile"/> at start.</summary>
    public string? AdminTokenCredential { get; init; }

    /// <summary>The directories of field registry files (or single files), in precedence order.</summary>
    public IReadOnlyList<string> SchemaDirectories { get; init; } = StandardSchemaDirectories;

    /// <summary>Where /metalink redirects after counting, or null for 204.</summary>
    public string? MetalinkRedirect { get; init; }

    /// <summary>Where /mirrorlist redirects after counting, or null for 204.</summary>
    public string? MirrorlistRedirect { get; init; }

    /// <summary>The settings <paramref name="config"/> sets over the defaults; the config must be free of errors.</summary>
    public static ServerSettings From(MergedConfig config)
    {
        var defaults = new ServerSettings();
        string? Text(string key) => (string?)config.Get(key)?.Value;
        long? Number(string key) => (long?)config.Get(key)?.Value;
        TimeSpan? Days(string key) => Number(key) is { } days ? TimeSpan.FromDays(days) : null;
        return new ServerSettings
        {
            ListenUrls = Text("server.listen") is { } listen ? TomlStringArray.Parse(listen)! : defaults.ListenUrls,
            Backend = Text("storage.backend") == "postgresql" ? StorageBackend.PostgreSql : StorageBackend.Sqlite,
            PostgreSqlConnection = Text("storage.postgresql_connection"),
            MinFreeDiskBytes = Number("storage.min_free_disk_mb") * 1024 * 1024 ?? defaults.MinFreeDiskBytes,
            MaxBodyBytes = (int?)Number("ingest.max_body_bytes") ?? defaults.MaxBodyBytes,
            QueueCapacity = (int?)Number("ingest.queue_capacity") ?? defaults.QueueCapacity,
            RateLimitPerMinute = (int?)Number("ingest.rate_limit_per_minute") ?? defaults.RateLimitPerMinute,
            RateLimitByForwardedFor = (bool?)config.Get("ingest.rate_limit_by_forwarded_for")?.Value ?? false,
            TrustedProxies = Text("ingest.trusted_proxies") is { } proxies ? TomlStringArray.Parse(proxies)! : [],
            Retention = new RetentionPolicy(
                Days("retention.daily_windows_days") ?? defaults.Retention.Day,
                Days("retention.weekly_windows_days") ?? defaults.Retention.Week,
                Days("retention.monthly_windows_days") ?? defaults.Retention.Month),
            ClockSkew = Number("ingest.clock_skew_seconds") is { } skew ? TimeSpan.FromSeconds(skew) : defaults.ClockSkew,
            MinCount = Number("publishing.min_count") ?? defaults.MinCount,
            Epsilon = config.Get("publishing.epsilon")?.Value is double epsilon ? decimal.Round((decimal)epsilon, 4) : defaults.Epsilon,
            MetricsListen = Text("metrics.listen"),
            AdminTokenFile = Text("admin.token_file"),
            AdminTokenCredential = Text("admin.token_credential"),
            SchemaDirectories = Text("schema.directories") is { } dirs ? TomlStringArray.Parse(dirs)! : defaults.SchemaDirectories,
            MetalinkRedirect = Text("countme.metalink_redirect"),
            MirrorlistRedirect = Text("countme.mirrorlist_redirect"),
        };
    }
}
