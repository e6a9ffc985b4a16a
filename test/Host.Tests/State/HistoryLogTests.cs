using System.Text.Json;
using Pinger.Host.State;
using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.State;

[TestClass]
public sealed class HistoryLogTests
{
    private static HistoryEntry Entry(int second, string report = """{"level":"minimal","note":"quote \" and é"}""") => new(
        new DateTimeOffset(2026, 11, 27, 10, 0, second, TimeSpan.Zero), "https://pinger.example/", "accepted", "HTTP 204 No Content", 1, report);

    [TestMethod]
    public void An_appended_entry_reads_back_the_same_even_with_quotes_and_non_ascii_text()
    {
        using var directory = new TempDirectory();
        var log = new HistoryLog(directory.Path);

        log.Append(Entry(1));

        Assert.AreEqual(Entry(1), log.Read().Single());
    }

    [TestMethod]
    public void The_written_line_is_what_the_reader_s_serializer_would_write()
    {
        var entry = Entry(7);

        var written = HistoryLineWriter.Write(entry);

        Assert.AreEqual(JsonSerializer.Serialize(entry, HistoryJson.Default.HistoryEntry), written);
        Assert.IsFalse(written.Contains('\n'), "one entry is one line");
    }

    [TestMethod]
    public void A_refusal_s_reason_is_written_as_the_reader_s_serializer_would_and_reads_back()
    {
        using var directory = new TempDirectory();
        var log = new HistoryLog(directory.Path);
        var refused = Entry(9) with { Outcome = "refused", Answer = "HTTP 422 Unprocessable Entity", Reason = "The report does not match the schema.; probes.gpu: unknown probe" };

        log.Append(refused);

        Assert.AreEqual(JsonSerializer.Serialize(refused, HistoryJson.Default.HistoryEntry), HistoryLineWriter.Write(refused));
        Assert.AreEqual(refused, log.Read().Single());
    }

    [TestMethod]
    public void Only_the_newest_entries_are_kept_and_the_file_is_private()
    {
        using var directory = new TempDirectory();
        var log = new HistoryLog(directory.Path);

        for (var second = 0; second < HistoryLog.Capacity + 3; second++)
        {
            log.Append(Entry(second));
        }

        var kept = log.Read();
        Assert.HasCount(HistoryLog.Capacity, kept);
        Assert.AreEqual(Entry(3).Time, kept[0].Time, "the three oldest entries were dropped");
        Assert.AreEqual(Entry(HistoryLog.Capacity + 2).Time, kept[^1].Time);
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(log.FilePath));
    }
}
