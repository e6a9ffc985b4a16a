using Pinger.Configuration;

namespace Pinger.Server.Configuration;

/// <summary>The server's effective settings: the drop-ins' values over the built-in defaults.</summary>
public sealed record ServerSettings
{
    /// <summary>The standard schema directories, distribution first, so the admin's file of the same name wins.</summary>
    public static readonly IReadOnlyList<string> StandardSchemaDirectories = ["/usr/lib/pinger-server/schema.d", "/etc/pinger-server/schema.d"];

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

    /// <summary>k: public cells counted fewer times are withheld.</summary>
    public long MinCount { get; init; } = 10;

    /// <summary>The admin bearer token's file, or null when the admin API is off.</summary>
    public string? AdminTokenFile { get; init; }

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
            AdminTokenFile = Text("admin.token_file"),
            SchemaDirectories = Text("schema.directories") is { } dirs ? TomlStringArray.Parse(dirs)! : defaults.SchemaDirectories,
            MetalinkRedirect = Text("countme.metalink_redirect"),
            MirrorlistRedirect = Text("countme.mirrorlist_redirect"),
        };
    }
}
