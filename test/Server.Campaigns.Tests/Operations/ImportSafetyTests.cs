using Microsoft.Data.Sqlite;
using Pinger.Server.Campaigns.Tests.Infrastructure;

namespace Pinger.Server.Campaigns.Tests.Operations;

/// <summary>
/// The published import-totals given the wrong file or a hostile one: it refuses with the line (or table) and the
/// problem, never printing a line that may hold an address, and never runs without end.
/// </summary>
[TestClass]
public sealed class ImportSafetyTests
{
    private const string Address = "192.0.2.7";
    private const string Agent = "libdnf (Fedora Linux 41; server; Linux.x86_64)";

    [TestMethod]
    public async Task An_access_log_given_to_import_totals_is_refused_without_echoing_its_lines()
    {
        using var directory = new CampaignDirectory("importlog");
        var log = Path.Combine(directory.Path, "access.log");
        File.WriteAllText(log,
            $"{Address} - - [23/Nov/2026:10:00:00 +0000] \"GET /metalink?repo=fedora-41&arch=x86_64&countme=1 HTTP/1.1\" 200 100 \"-\" \"{Agent}\"\n"
            + $"{Address} - - [23/Nov/2026:10:00:01 +0000] \"GET /metalink?repo=fedora-41&arch=x86_64&countme=2 HTTP/1.1\" 200 100 \"-\" \"{Agent}\"\n");

        var run = await PublishedCommand.RunAsync(["import-totals", "--state-dir", directory.StateDirectory, log]);

        Assert.AreEqual(1, run.ExitCode, run.Output + run.Error);
        StringAssert.Contains(run.Error, log + ": line 1: ");
        Assert.IsFalse(run.Error.Contains(Address, StringComparison.Ordinal) || run.Output.Contains(Address, StringComparison.Ordinal), run.Error);
        Assert.IsFalse(run.Error.Contains("libdnf", StringComparison.Ordinal), run.Error);
    }

    [TestMethod]
    public async Task A_view_over_an_endless_query_is_refused_at_once()
    {
        using var directory = new CampaignDirectory("importview");
        var path = Path.Combine(directory.Path, "totals.sqlite");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE VIEW countme_totals AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                + "SELECT i AS rowid, 1 AS hits, '2614' AS weeknum, 'Fedora' AS os_name, '41' AS os_version, 'server' AS os_variant, "
                + "'x86_64' AS os_arch, 1 AS sys_age, 'fedora-41' AS repo_tag, 'x86_64' AS repo_arch FROM n";
            command.ExecuteNonQuery();
        }

        // Before, this ran until killed; the timeout turns a hang into a failure.
        var run = await PublishedCommand.RunAsync(["import-totals", "--state-dir", directory.StateDirectory, path], timeout: TimeSpan.FromSeconds(60));

        Assert.AreEqual(1, run.ExitCode, run.Output + run.Error);
        StringAssert.Contains(run.Error, path + ": countme_totals is a view, not a table; only a plain table is read");
    }
}
