using Pinger.Configuration;

namespace Pinger.Server.Configuration;

/// <summary>
/// The keys <c>pinger-server</c> accepts in its drop-ins. Checked by Core's validator, so the server is as strict
/// as the client: unknown keys, wrong types and out-of-range values name their file, line and key.
/// </summary>
public static class ServerConfigSchema
{
    /// <summary>The server's schema (no probe tables).</summary>
    public static ConfigSchema Instance { get; } = new(
    [
        new("server", "listen", ConfigValueKind.Array,
            "The URLs Kestrel listens on, e.g. [\"http://127.0.0.1:8080\"]; the --urls option overrides them (default: http://127.0.0.1:8080, loopback only).", CheckListen),
        new("storage", "backend", ConfigValueKind.String,
            "Where counters are kept: \"sqlite\" (a file in the state directory, the default) or \"postgresql\".", CheckBackend),
        new("storage", "postgresql_connection", ConfigValueKind.String,
            "The Npgsql connection string used when storage.backend is \"postgresql\"."),
        new("storage", "min_free_disk_mb", ConfigValueKind.Integer,
            "The service reports itself not ready when the state directory's file system has less free space (default 64).", Range(0, 1_000_000)),
        new("ingest", "max_body_bytes", ConfigValueKind.Integer,
            "The largest report accepted, in bytes; larger bodies get 413 while they are being read (default 8192).", Range(256, 1_048_576)),
        new("ingest", "queue_capacity", ConfigValueKind.Integer,
            "How many reports may wait for the next commit; beyond that clients get 503 and retry later (default 10000).", Range(1, 1_000_000)),
        new("ingest", "rate_limit_per_minute", ConfigValueKind.Integer,
            "Requests per minute accepted from one address, kept in memory only; 0 turns the limit off (default 600).", Range(0, 1_000_000)),
        new("ingest", "rate_limit_by_forwarded_for", ConfigValueKind.Boolean,
            "Behind a reverse proxy: key the rate limit on the client address that a trusted proxy appended to X-Forwarded-For (held in memory only) instead of the proxy's; believed only from ingest.trusted_proxies (default false)."),
        new("ingest", "trusted_proxies", ConfigValueKind.Array,
            "Addresses or CIDR networks of the reverse proxies whose X-Forwarded-For is believed; from any other peer the header is ignored (default none).", CheckProxies),
        new("ingest", "clock_skew_seconds", ConfigValueKind.Integer,
            "How far a client's clock may be off when it names its windows (default 600).", Range(0, 86_400)),
        new("publishing", "epsilon", ConfigValueKind.Float,
            "The differential privacy budget of each window's public release, split across its histograms (docs/privacy.md; default 1.0).", EpsilonRange),
        new("publishing", "min_count", ConfigValueKind.Integer,
            "A floor under the noise thresholds: public noisy counts below it are withheld as well (default 10).", Range(1, 1_000_000)),
        new("metrics", "listen", ConfigValueKind.String,
            "Serve /metrics on this loopback URL (e.g. \"http://127.0.0.1:9464\") instead of the main listener.", LoopbackUrl),
        new("admin", "token_file", ConfigValueKind.String,
            "A file holding the bearer token of the admin API, readable by the service and by no other user; without it (or token_credential) the admin API is off.", AbsolutePath),
        new("admin", "token_credential", ConfigValueKind.String,
            "The name of the systemd credential (LoadCredential=NAME in the unit) holding the admin token, read from $CREDENTIALS_DIRECTORY; instead of token_file.", CredentialName),
        new("schema", "directories", ConfigValueKind.Array,
            "Directories of field registry files (*.json, as printed by `pinger schema`), replacing the standard ones.", CheckDirectories),
        new("retention", "daily_windows_days", ConfigValueKind.Integer,
            "Counters of day windows older than this many days are deleted by the server (default 90).", Range(1, 36_500)),
        new("retention", "weekly_windows_days", ConfigValueKind.Integer,
            "Counters of week windows older than this many days are deleted by the server (default 1096, three years).", Range(7, 36_500)),
        new("retention", "monthly_windows_days", ConfigValueKind.Integer,
            "Counters of month windows older than this many days are deleted by the server (default 3653, ten years).", Range(31, 36_500)),
        new("countme", "metalink_redirect", ConfigValueKind.String,
            "Where GET /metalink redirects after counting (302, query string kept); without it the answer is 204.", HttpUrl),
        new("countme", "mirrorlist_redirect", ConfigValueKind.String,
            "Where GET /mirrorlist redirects after counting (302, query string kept); without it the answer is 204.", HttpUrl),
    ],
    HasProbeTables: false);

    private static (string, string)? CheckBackend(ConfigEntry entry) =>
        (string)entry.Value is "sqlite" or "postgresql" ? null : ("unknown storage backend", "use \"sqlite\" or \"postgresql\"");

    private static Func<ConfigEntry, (string, string)?> Range(long min, long max) => entry =>
        (long)entry.Value >= min && (long)entry.Value <= max ? null : ($"must be between {min} and {max}", $"write a whole number from {min} to {max}");

    private static (string, string)? EpsilonRange(ConfigEntry entry) =>
        (double)entry.Value is >= 0.01 and <= 100 ? null : ("must be between 0.01 and 100", "write a number such as 1.0");

    private static (string, string)? LoopbackUrl(ConfigEntry entry) =>
        Uri.TryCreate((string)entry.Value, UriKind.Absolute, out var uri) && uri.Scheme == "http" && uri.IsLoopback && uri.Port > 0 && uri.AbsolutePath == "/"
            ? null
            : ("must be an http URL on a loopback address", "e.g. \"http://127.0.0.1:9464\"");

    private static (string, string)? AbsolutePath(ConfigEntry entry) =>
        Path.IsPathFullyQualified((string)entry.Value) ? null : ("must be an absolute path", "write a path starting with /");

    private static (string, string)? HttpUrl(ConfigEntry entry) =>
        Uri.TryCreate((string)entry.Value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && string.IsNullOrEmpty(uri.Query)
            ? null
            : ("must be an http(s) URL without a query string", "e.g. \"https://mirrors.example.org/metalink\"");

    private static (string, string)? CredentialName(ConfigEntry entry) =>
        (string)entry.Value is { Length: > 0 } name && name is not "." and not ".." && !name.Contains('/', StringComparison.Ordinal)
            ? null
            : ("must be a credential name, not a path", "e.g. \"admin-token\", as named by LoadCredential=admin-token:/etc/pinger-server/admin.token");

    private static (string, string)? CheckListen(ConfigEntry entry) =>
        TomlStringArray.Parse((string)entry.Value) is { Count: > 0 } urls && urls.All(IsListenUrl)
            ? null
            : ("must be a non-empty array of http:// URLs without a path", "e.g. [\"http://127.0.0.1:8080\"]");

    // Kestrel's own forms: a host name, an address, or "*" / "+" for every address. TLS belongs to the reverse proxy.
    private static bool IsListenUrl(string url) =>
        url.StartsWith("http://", StringComparison.Ordinal)
        && Uri.TryCreate(url.Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query);

    private static (string, string)? CheckProxies(ConfigEntry entry)
    {
        string? problem = null;
        return TomlStringArray.Parse((string)entry.Value) is { } proxies && proxies.All(p => TrustedProxies.IsValid(p, out problem))
            ? null
            : (problem ?? "must be an array of strings", "e.g. [\"10.0.0.5\", \"fd00::/64\"]");
    }

    private static (string, string)? CheckDirectories(ConfigEntry entry) =>
        TomlStringArray.Parse((string)entry.Value) is { } paths && paths.All(Path.IsPathFullyQualified)
            ? null
            : ("must be an array of absolute paths", "e.g. [\"/etc/pinger-server/schema.d\"]");
}
