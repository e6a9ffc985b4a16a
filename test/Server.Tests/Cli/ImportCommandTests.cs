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
            // Monday 00:10 of the next week: the week of November 23rd is complete, the next one still open.
            "192.0.2.13 - - [30/Nov/2026:00:10:00 +0000] \"GET /metalink?repo=fedora-41&arch=x86_64&countme=1 HTTP/1.1\" 200 1234 \"-\" \"libdnf (Fedora Linux 41; coreos; Linux.x86_64)\"",
        ]);
        var state = Path.Combine(directory.Path, "state");
        var config = Directory.CreateDirectory(Path.Combine(directory.Path, "config.d")).FullName;

        var first = await CommandRun.RunAsync("import-log", "--state-dir", state, "--config-dir", config, log);
        var again = await CommandRun.RunAsync("import-log", "--state-dir", state, "--config-dir", config, log);

        Assert.AreEqual(ServerExitCodes.Ok, first.ExitCode, first.Error);
        StringAssert.Contains(first.Output, "4 lines read, 2 counted");
        StringAssert.Contains(first.Output, "1 hits outside the complete weeks not added");
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

    [TestMethod]
    public async Task An_xz_log_is_decoded_and_a_damaged_one_is_refused_without_being_recorded()
    {
        using var directory = new TempDirectory();
        // xz(1) of two countme lines: one on Tuesday 2026-11-24, one at Monday 00:10 of the next week.
        var xz = TestPaths.InRepository("test", "fixtures", "countme", "access.log.xz");
        var bytes = File.ReadAllBytes(xz);
        var cut = Path.Combine(directory.Path, "cut.log.xz");
        File.WriteAllBytes(cut, bytes[..(bytes.Length - 20)]);
        var state = Path.Combine(directory.Path, "state");
        var config = Directory.CreateDirectory(Path.Combine(directory.Path, "config.d")).FullName;

        var damaged = await CommandRun.RunAsync("import-log", "--state-dir", state, "--config-dir", config, cut);
        var copy = Path.Combine(directory.Path, "whole.log.xz");
        File.Copy(xz, copy);
        var whole = await CommandRun.RunAsync("import-log", "--state-dir", state, "--config-dir", config, copy);

        Assert.AreEqual(ServerExitCodes.Failure, damaged.ExitCode);
        StringAssert.Contains(damaged.Error, "the xz data is corrupt or truncated");
        Assert.AreEqual(ServerExitCodes.Ok, whole.ExitCode, whole.Error);
        StringAssert.Contains(whole.Output, "2 lines read, 1 counted");
        Assert.AreEqual(1, Read(state).Single().Hits);
    }

    [TestMethod]
    [DataRow(new byte[] { 0x28, 0xb5, 0x2f, 0xfd, 0, 0 }, "zstd")]
    [DataRow(new byte[] { (byte)'B', (byte)'Z', (byte)'h', (byte)'9', 0 }, "bzip2")]
    [DataRow(new byte[] { 0x04, 0x22, 0x4d, 0x18, 0 }, "lz4")]
    public async Task A_log_in_another_compression_is_refused_by_name_and_nothing_is_imported(byte[] head, string name)
    {
        using var directory = new TempDirectory();
        var log = Path.Combine(directory.Path, "access.log.x");
        File.WriteAllBytes(log, [.. head, .. new byte[64]]);
        var state = Path.Combine(directory.Path, "state");
        var config = Directory.CreateDirectory(Path.Combine(directory.Path, "config.d")).FullName;

        var run = await CommandRun.RunAsync("import-log", "--state-dir", state, "--config-dir", config, log);

        Assert.AreEqual(ServerExitCodes.Failure, run.ExitCode);
        StringAssert.Contains(run.Error, $"is {name}-compressed; access logs are read as plain text, gzip (.gz) and xz (.xz)");
        StringAssert.Contains(run.Error, "nothing imported");
    }

    private static IReadOnlyList<CountmeTotal> Read(string state)
    {
        using var store = SqliteCounterStore.InDirectory(state);
        store.Open();
        return store.ReadCountme(DateOnly.MinValue, DateOnly.MaxValue);
    }
}
