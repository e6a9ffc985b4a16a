using System.Net;
using System.Net.Http.Headers;
using Pinger.Server.Campaigns.Tests.Infrastructure;

namespace Pinger.Server.Campaigns.Tests.Operations;

/// <summary>
/// The admin token as the shipped unit passes it (a systemd credential in $CREDENTIALS_DIRECTORY), and every way a
/// token file can be unusable: each is a configuration error (exit 3, not restarted) naming the key, found by
/// check-config too, instead of a start that fails with exit 1 and is restarted in a loop.
/// </summary>
[TestClass]
public sealed class AdminTokenStartupTests
{
    private const int Nobody = 65534;

    [TestMethod]
    public async Task A_token_passed_as_a_credential_opens_the_admin_api()
    {
        using var directory = new CampaignDirectory("credential");
        var credentials = Credentials(directory);
        File.WriteAllText(Path.Combine(directory.ConfigDirectory, "50-admin.toml"), "[admin]\ntoken_credential = \"admin-token\"\n");
        var log = new ServerLog();

        using var server = await PublishedServer.StartAsync(directory.Arguments, log, new Dictionary<string, string> { ["CREDENTIALS_DIRECTORY"] = credentials });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CampaignDirectory.AdminToken);
        using var answer = await client.GetAsync("/v1/admin/totals");

        Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode, log.Tail());
    }

    [TestMethod]
    public async Task A_credential_named_without_CREDENTIALS_DIRECTORY_stops_the_start_but_check_config_only_warns()
    {
        using var directory = new CampaignDirectory("nocredential");
        File.WriteAllText(Path.Combine(directory.ConfigDirectory, "50-admin.toml"), "[admin]\ntoken_credential = \"admin-token\"\n");
        var withoutCredentials = new Dictionary<string, string> { ["CREDENTIALS_DIRECTORY"] = "" };

        var serve = await PublishedCommand.RunAsync([.. directory.Arguments, "--urls", "http://127.0.0.1:0"], withoutCredentials);
        var check = await PublishedCommand.RunAsync(["check-config", "--config-dir", directory.ConfigDirectory], withoutCredentials);

        Assert.AreEqual(3, serve.ExitCode, serve.Error);
        StringAssert.Contains(serve.Error, "error: 'admin.token_credential': $CREDENTIALS_DIRECTORY is not set");
        Assert.AreEqual(0, check.ExitCode, check.Error);
        StringAssert.Contains(check.Error, "warning: 'admin.token_credential': $CREDENTIALS_DIRECTORY is not set (not run by the unit)");
    }

    [TestMethod]
    public async Task A_token_file_every_user_may_read_is_refused_by_check_config_and_at_start()
    {
        using var directory = new CampaignDirectory("worldreadable");
        directory.ConfigureForCounting();
        var token = Path.Combine(directory.Path, "admin-token");
        File.SetUnixFileMode(token, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var check = await PublishedCommand.RunAsync(["check-config", "--config-dir", directory.ConfigDirectory]);
        var serve = await PublishedCommand.RunAsync([.. directory.Arguments, "--urls", "http://127.0.0.1:0"]);

        foreach (var run in new[] { check, serve })
        {
            Assert.AreEqual(3, run.ExitCode, run.Output + run.Error);
            StringAssert.Contains(run.Error, $"error: 'admin.token_file': {token}: every user may read it (mode 0644)");
        }
    }

    [TestMethod]
    public async Task A_token_file_the_server_cannot_read_is_refused_naming_the_key()
    {
        using var directory = new CampaignDirectory("unreadable");
        directory.ConfigureForCounting();
        var token = Path.Combine(directory.Path, "admin-token");

        // As root, the server runs as nobody (the unit's dynamic user in miniature); otherwise the owner loses read access.
        int? user = null;
        if (Environment.UserName == "root")
        {
            user = Nobody;
            File.SetUnixFileMode(directory.Path, (UnixFileMode)0b111_101_101);
        }
        else
        {
            File.SetUnixFileMode(token, UnixFileMode.UserWrite);
        }

        var check = await PublishedCommand.RunAsync(["check-config", "--config-dir", directory.ConfigDirectory], user: user);
        var serve = await PublishedCommand.RunAsync([.. directory.Arguments, "--urls", "http://127.0.0.1:0"], user: user);

        foreach (var run in new[] { check, serve })
        {
            Assert.AreEqual(3, run.ExitCode, run.Output + run.Error);
            StringAssert.Contains(run.Error, $"error: 'admin.token_file': {token}: cannot be read by the user the server runs as");
            StringAssert.Contains(run.Error, "LoadCredential=admin-token");
        }
    }

    // A credentials directory as systemd lays it out: one file per credential, readable by the service only.
    private static string Credentials(CampaignDirectory directory)
    {
        var credentials = Directory.CreateDirectory(Path.Combine(directory.Path, "credentials")).FullName;
        var token = Path.Combine(credentials, "admin-token");
        File.WriteAllText(token, CampaignDirectory.AdminToken);
        File.SetUnixFileMode(token, UnixFileMode.UserRead);
        return credentials;
    }
}
