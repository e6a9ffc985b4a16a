using Pinger.Server.Storage;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Cli;

[TestClass]
public sealed class ImportCommandTests
{
    private const string Header = "week_start,week_end,hits,os_name,os_version,os_variant,os_arch,sys_age,repo_tag,repo_arch";

    [TestMethod]
    public async Task Imported_totals_are_added_once_however_often_the_file_is_imported()
    {
        using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "totals.csv");
        File.WriteAllText(file, Header + "\n2026-11-16,2026-11-22,105000,Fedora Linux,41,coreos,x86_64,4,fedora-coreos-pool,x86_64\n");
        var state = Path.Combine(directory.Path, "state");
        var config = Directory.CreateDirectory(Path.Combine(directory.Path, "config.d")).FullName;

        var first = await CommandRun.RunAsync("import-totals", "--state-dir", state, "--config-dir", config, file);
        var again = await CommandRun.RunAsync("import-totals", "--state-dir", state, "--config-dir", config, file);

        Assert.AreEqual(ServerExitCodes.Ok, first.ExitCode, first.Error);
        StringAssert.Contains(first.Output, "1 weekly totals added");
        Assert.AreEqual(ServerExitCodes.Ok, again.ExitCode, again.Error);
        StringAssert.Contains(again.Output, "already imported");
        var row = Read(state).Single();
        Assert.AreEqual(105000, row.Hits);
        Assert.AreEqual(new DateOnly(2026, 11, 16), row.Key.WeekStart);
        Assert.AreEqual("fedora-coreos-pool", row.Key.RepoTag);
    }

    [TestMethod]
    public async Task Access_logs_are_counted_like_mirrors_countme_and_never_twice()
    {
        using var directory = new TempDirectory();
        var log = Path.Combine(directory.Path, "access.log");
        File.WriteAllLines(log,
        [
            "192.0.2.10 - - [24/Nov/2026:10:00:00 +0000] \"GET /metalink?repo=fedora-41&arch=x86_64&countme=1 HTTP/1.1\" 200 1234 \"-\" \"libdnf (Fedora Linux 41; coreos; Linux.x86_64)\"",
            "192.0.2.11 - - [24/Nov/2026:11:00:00 +0000] \"GET /metalink?repo=fedora-41&arch=x86_64&countme=1 HTTP/1.1\" 302 0 \"-\" \"libdnf (Fedora Linux 41; coreos; Linux.x86_64)\"",
            "192.0.2.12 - - [24/Nov/2026:12:00:00 +0000] \"GET /index.html HTTP/1.1\" 200 99 \"-\" \"Mozilla/5.0\"",
        ]);
        var state = Path.Combine(directory.Path, "state");
        var config = Directory.CreateDirectory(Path.Combine(directory.Path, "config.d")).FullName;

        var first = await CommandRun.RunAsync("import-log", "--state-dir", state, "--config-dir", config, log);
        var again = await CommandRun.RunAsync("import-log", "--state-dir", state, "--config-dir", config, log);

        Assert.AreEqual(ServerExitCodes.Ok, first.ExitCode, first.Error);
        StringAssert.Contains(first.Output, "3 lines read, 2 counted");
        StringAssert.Contains(again.Output, "already imported");
        var row = Read(state).Single();
        Assert.AreEqual(2, row.Hits);
        Assert.AreEqual(new DateOnly(2026, 11, 23), row.Key.WeekStart);
        Assert.AreEqual("1", row.Key.SysAge);
        var bytes = File.ReadAllBytes(Path.Combine(state, SqliteCounterStore.FileName));
        Assert.IsTrue(bytes.AsSpan().IndexOf("192.0.2.1"u8) < 0, "no client address is imported");
    }

    [TestMethod]
    public async Task A_malformed_totals_file_fails_with_its_line_and_adds_nothing()
    {
        using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "totals.csv");
        File.WriteAllText(file, Header + "\n2026-11-17,2026-11-23,5,Fedora Linux,41,coreos,x86_64,4,fedora,x86_64\n");
        var state = Path.Combine(directory.Path, "state");
        var config = Directory.CreateDirectory(Path.Combine(directory.Path, "config.d")).FullName;

        var run = await CommandRun.RunAsync("import-totals", "--state-dir", state, "--config-dir", config, file);

        Assert.AreEqual(ServerExitCodes.Failure, run.ExitCode);
        StringAssert.Contains(run.Error, "line 2");
        Assert.AreEqual(0, Read(state).Count);
    }

    private static IReadOnlyList<CountmeTotal> Read(string state)
    {
        using var store = SqliteCounterStore.InDirectory(state);
        store.Open();
        return store.ReadCountme(DateOnly.MinValue, DateOnly.MaxValue);
    }
}
