using Pinger.Server.Configuration;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Configuration;

[TestClass]
public sealed class ServerConfigTests
{
    [TestMethod]
    public void Drop_ins_set_every_key_and_later_files_win()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "10-defaults.toml"), """
            [storage]
            backend = "sqlite"
            min_free_disk_mb = 128
            [ingest]
            max_body_bytes = 4096
            queue_capacity = 50
            rate_limit_per_minute = 30
            clock_skew_seconds = 60
            [publishing]
            min_count = 5
            [admin]
            token_file = "/etc/pinger-server/admin-token"
            [schema]
            directories = ["/srv/schema.d", "/etc/pinger-server/schema.d"]
            [countme]
            metalink_redirect = "https://mirrors.example.org/metalink"
            """);
        File.WriteAllText(Path.Combine(directory.Path, "50-site.toml"), "[publishing]\nmin_count = 20\n");

        var (settings, diagnostics) = ServerConfigReader.Read(directory.Path);

        Assert.AreEqual(0, diagnostics.Count, string.Join("\n", diagnostics));
        Assert.IsNotNull(settings);
        Assert.AreEqual(128L * 1024 * 1024, settings.MinFreeDiskBytes);
        Assert.AreEqual(4096, settings.MaxBodyBytes);
        Assert.AreEqual(50, settings.QueueCapacity);
        Assert.AreEqual(30, settings.RateLimitPerMinute);
        Assert.AreEqual(TimeSpan.FromSeconds(60), settings.ClockSkew);
        Assert.AreEqual(20, settings.MinCount);
        Assert.AreEqual("/etc/pinger-server/admin-token", settings.AdminTokenFile);
        CollectionAssert.AreEqual(new[] { "/srv/schema.d", "/etc/pinger-server/schema.d" }, settings.SchemaDirectories.ToArray());
        Assert.AreEqual("https://mirrors.example.org/metalink", settings.MetalinkRedirect);
    }

    [TestMethod]
    public void Without_drop_ins_the_defaults_apply()
    {
        using var directory = new TempDirectory();

        var (settings, _) = ServerConfigReader.Read(directory.Path);

        Assert.AreEqual(new ServerSettings(), settings);
        Assert.AreEqual(8192, settings!.MaxBodyBytes);
        Assert.AreEqual(10, settings.MinCount);
        Assert.AreEqual(StorageBackend.Sqlite, settings.Backend);
    }

    [TestMethod]
    [DataRow("[ingest]\nmax_body_byte = 4096\n", "50-bad.toml:2:1: 'ingest.max_body_byte': unknown key")]
    [DataRow("[ingest]\nmax_body_bytes = \"4096\"\n", "50-bad.toml:2:1: 'ingest.max_body_bytes'")]
    [DataRow("[ingest]\nmax_body_bytes = 10\n", "'ingest.max_body_bytes': must be between 256 and 1048576")]
    [DataRow("[storage]\nbackend = \"mysql\"\n", "'storage.backend': unknown storage backend")]
    [DataRow("[storage]\nbackend = \"postgresql\"\n", "'storage.backend': the postgresql back end needs a connection string")]
    [DataRow("[admin]\ntoken_file = \"token\"\n", "'admin.token_file': must be an absolute path")]
    [DataRow("[schema]\ndirectories = [1, 2]\n", "'schema.directories': must be an array of absolute paths")]
    [DataRow("[countme]\nmetalink_redirect = \"ftp://x/y\"\n", "'countme.metalink_redirect': must be an http(s) URL")]
    [DataRow("[reporting]\nlevel = \"full\"\n", "50-bad.toml:1:1: 'reporting'")]
    [DataRow("[ingest\n", "TOML syntax error")]
    public async Task An_invalid_config_refuses_to_start_with_exit_code_3_naming_file_line_and_key(string toml, string expected)
    {
        using var directory = new TempDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "50-bad.toml"), toml);

        var run = await CommandRun.RunAsync("--config-dir", directory.Path, "--state-dir", Path.Combine(directory.Path, "state"), "--urls", "http://127.0.0.1:0");

        Assert.AreEqual(ServerExitCodes.InvalidConfig, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, expected);
        StringAssert.Contains(run.Error, "not starting");
        Assert.IsFalse(Directory.Exists(Path.Combine(directory.Path, "state")), "nothing was created");
    }

    [TestMethod]
    public async Task Check_config_says_a_valid_config_is_valid()
    {
        using var directory = new TempDirectory();
        var schema = Directory.CreateDirectory(Path.Combine(directory.Path, "schema.d")).FullName;
        File.WriteAllText(Path.Combine(schema, "10-test.json"), TestSchema.Json(TestSchema.Standard));
        File.WriteAllText(Path.Combine(directory.Path, "10-ok.toml"), $"[publishing]\nmin_count = 3\n[schema]\ndirectories = [\"{schema}\"]\n");

        var run = await CommandRun.RunAsync("check-config", "--config-dir", directory.Path);

        Assert.AreEqual(ServerExitCodes.Ok, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, Path.Combine(directory.Path, "10-ok.toml"));
        StringAssert.Contains(run.Output, $"field registry: {TestSchema.Standard.Count} probes from {schema}");
        StringAssert.Contains(run.Output, "the configuration is valid");
    }

    [TestMethod]
    public async Task A_state_directory_that_cannot_be_created_stops_the_start_with_exit_code_1()
    {
        using var directory = new TempDirectory();
        var notADirectory = Path.Combine(directory.Path, "file");
        File.WriteAllText(notADirectory, "x");

        var run = await CommandRun.RunAsync("--config-dir", directory.Path, "--state-dir", Path.Combine(notADirectory, "state"), "--urls", "http://127.0.0.1:0");

        Assert.AreEqual(ServerExitCodes.Failure, run.ExitCode);
        StringAssert.Contains(run.Error, "pinger-server: cannot start: ");
    }

    [TestMethod]
    public async Task A_short_admin_token_stops_the_start_as_a_configuration_error_naming_the_key()
    {
        using var directory = new TempDirectory();
        var token = Path.Combine(directory.Path, "token");
        File.WriteAllText(token, "short\n");
        File.SetUnixFileMode(token, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(Path.Combine(directory.Path, "50-admin.toml"), $"[admin]\ntoken_file = \"{token}\"\n");

        var run = await CommandRun.RunAsync("--config-dir", directory.Path, "--state-dir", Path.Combine(directory.Path, "state"), "--urls", "http://127.0.0.1:0");

        Assert.AreEqual(ServerExitCodes.InvalidConfig, run.ExitCode);
        StringAssert.Contains(run.Error, $"'admin.token_file': {token}: the token is shorter than 16 characters");
    }

    [TestMethod]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var run = await CommandRun.RunAsync("--no-such-option");

        Assert.AreEqual(ServerExitCodes.Usage, run.ExitCode);
    }
}
