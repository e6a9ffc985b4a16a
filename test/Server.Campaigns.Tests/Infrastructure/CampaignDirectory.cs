namespace Pinger.Server.Campaigns.Tests.Infrastructure;

/// <summary>A campaign's own state and configuration directories under the system's temporary directory.</summary>
internal sealed class CampaignDirectory : IDisposable
{
    /// <summary>The admin API's bearer token: the campaigns count through it, every cell unsuppressed.</summary>
    public const string AdminToken = "campaign-admin-token-5f2c9e41d7";

    public CampaignDirectory(string name)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pinger-campaign-{name}-{Guid.NewGuid():N}"[..48]);
        Directory.CreateDirectory(StateDirectory);
        Directory.CreateDirectory(ConfigDirectory);

        // A copy of the published field registry: the server reloads it when it changes, and a Publish running at
        // the same time replaces artifacts/root whole.
        Directory.CreateDirectory(SchemaDirectory);
        foreach (var file in Directory.GetFiles(PublishedTree.SchemaDirectory, "*.json"))
        {
            File.Copy(file, System.IO.Path.Combine(SchemaDirectory, System.IO.Path.GetFileName(file)));
        }
    }

    public string Path { get; }

    public string StateDirectory => System.IO.Path.Combine(Path, "state");

    public string ConfigDirectory => System.IO.Path.Combine(Path, "config.d");

    public string SchemaDirectory => System.IO.Path.Combine(Path, "schema.d");

    public string DatabaseFile => System.IO.Path.Combine(StateDirectory, "pinger-server.sqlite");

    /// <summary>The command line for this directory, with (a copy of) the published field registry.</summary>
    public IReadOnlyList<string> Arguments =>
        ["--state-dir", StateDirectory, "--config-dir", ConfigDirectory, "--schema-dir", SchemaDirectory];

    /// <summary>
    /// The drop-in of a counting campaign: the admin API on, no rate limit (the load comes from one address), and
    /// <paramref name="extra"/> TOML.
    /// </summary>
    public void ConfigureForCounting(string extra = "")
    {
        var token = System.IO.Path.Combine(Path, "admin-token");
        File.WriteAllText(token, AdminToken);
        File.SetUnixFileMode(token, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(System.IO.Path.Combine(ConfigDirectory, "50-campaign.toml"),
            $"[ingest]\nrate_limit_per_minute = 0\n[admin]\ntoken_file = \"{token}\"\n{extra}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A mount left behind by a failed test keeps its directory; the next run uses a new one.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
