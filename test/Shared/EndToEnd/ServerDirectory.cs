namespace Pinger.Testing.EndToEnd;

/// <summary>
/// The state, configuration and schema directories of one <c>pinger-server</c> setup under the temporary directory:
/// the admin API on (its token in a file only the owner reads), no rate limit (every client is 127.0.0.1), SQLite in
/// the state directory unless a PostgreSQL connection string is given. Several instances may share one setup.
/// </summary>
internal sealed class ServerDirectory : IDisposable
{
    /// <summary>The admin API's bearer token.</summary>
    public const string AdminToken = "end-to-end-admin-token-7c1e0b92";

    public ServerDirectory(string? postgresConnection = null)
    {
        Path = Directory.CreateTempSubdirectory("pinger-e2e-server-").FullName;
        Directory.CreateDirectory(StateDirectory);
        Directory.CreateDirectory(ConfigDirectory);

        // A copy of the published registry: a Publish running meanwhile replaces artifacts/root whole.
        Directory.CreateDirectory(SchemaDirectory);
        foreach (var file in Directory.GetFiles(PublishedTree.SchemaDirectory, "*.json"))
        {
            File.Copy(file, System.IO.Path.Combine(SchemaDirectory, System.IO.Path.GetFileName(file)));
        }

        var token = System.IO.Path.Combine(Path, "admin-token");
        File.WriteAllText(token, AdminToken);
        File.SetUnixFileMode(token, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var storage = postgresConnection is null
            ? string.Empty
            : $"[storage]\nbackend = \"postgresql\"\npostgresql_connection = \"{postgresConnection}\"\n";
        File.WriteAllText(System.IO.Path.Combine(ConfigDirectory, "50-end-to-end.toml"),
            $"[ingest]\nrate_limit_per_minute = 0\n[admin]\ntoken_file = \"{token}\"\n{storage}");
    }

    public string Path { get; }

    public string StateDirectory => System.IO.Path.Combine(Path, "state");

    public string ConfigDirectory => System.IO.Path.Combine(Path, "config.d");

    public string SchemaDirectory => System.IO.Path.Combine(Path, "schema.d");

    /// <summary>The server's command line for this setup.</summary>
    public IReadOnlyList<string> Arguments =>
        ["--state-dir", StateDirectory, "--config-dir", ConfigDirectory, "--schema-dir", SchemaDirectory];

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
