using Pinger.Protocol.Windows;

namespace Pinger.Protocol.Tests.Windows;

/// <summary>CountingWindow arithmetic against dates computed by hand.</summary>
[TestClass]
public sealed class CountingCalendarTests
{
    [TestMethod]
    public void Week_2614_starts_on_Monday_10_February_2020_as_in_countme()
    {
        var start = new DateTimeOffset(2020, 2, 10, 0, 0, 0, TimeSpan.Zero);

        Assert.AreEqual(2614, CountingCalendar.WeekNumber(start));
        Assert.AreEqual(2613, CountingCalendar.WeekNumber(start.AddSeconds(-1)));
        Assert.AreEqual(start.ToUnixTimeSeconds(), CountingCalendar.WeekStartSeconds(2614));
    }

    [TestMethod]
    [DataRow("2026-11-23T00:00:00Z", "2026-11-23")]
    [DataRow("2026-11-29T23:59:59Z", "2026-11-23")]
    [DataRow("2026-11-30T00:00:00Z", "2026-11-30")]
    [DataRow("2027-01-01T12:00:00Z", "2026-12-28")]
    [DataRow("1970-01-05T00:00:00Z", "1970-01-05")]
    [DataRow("1970-01-04T23:59:59Z", "1969-12-29")]
    public void A_week_runs_from_Monday_00_00_UTC(string time, string weekStart) =>
        Assert.AreEqual(DateOnly.Parse(weekStart), CountingCalendar.Containing(WindowKind.Week, DateTimeOffset.Parse(time)).Start);

    [TestMethod]
    public void Windows_are_taken_in_UTC_whatever_the_offset_of_the_time_given()
    {
        // 01:30 on Monday in UTC+02:00 is still Sunday in UTC.
        var time = new DateTimeOffset(2026, 11, 30, 1, 30, 0, TimeSpan.FromHours(2));

        Assert.AreEqual(new DateOnly(2026, 11, 29), CountingCalendar.Containing(WindowKind.Day, time).Start);
        Assert.AreEqual(new DateOnly(2026, 11, 23), CountingCalendar.Containing(WindowKind.Week, time).Start);
    }

    [TestMethod]
    [DataRow("2024-02-29T23:59:59Z", "2024-02-01", "2024-02-29")]
    [DataRow("2024-03-01T00:00:00Z", "2024-03-01", "2024-03-01")]
    [DataRow("2023-02-28T12:00:00Z", "2023-02-01", "2023-02-28")]
    [DataRow("2026-04-30T23:59:59Z", "2026-04-01", "2026-04-30")]
    [DataRow("2026-12-31T23:59:59Z", "2026-12-01", "2026-12-31")]
    public void Months_and_days_follow_the_calendar_including_leap_years(string time, string month, string day)
    {
        var at = DateTimeOffset.Parse(time);

        Assert.AreEqual(DateOnly.Parse(month), CountingCalendar.Containing(WindowKind.Month, at).Start);
        Assert.AreEqual(DateOnly.Parse(day), CountingCalendar.Containing(WindowKind.Day, at).Start);
    }

    [TestMethod]
    public void Every_window_is_due_for_a_machine_that_never_reported()
    {
        var due = DueWindows.At(DateTimeOffset.Parse("2026-11-27T10:00:00Z"), new Dictionary<WindowKind, DateOnly>());

        CollectionAssert.AreEqual(
            new[] { new CountingWindow(WindowKind.Day, new(2026, 11, 27)), new CountingWindow(WindowKind.Week, new(2026, 11, 23)), new CountingWindow(WindowKind.Month, new(2026, 11, 1)) },
            due.ToArray());
    }

    [TestMethod]
    public void Only_windows_that_started_after_the_last_count_are_due()
    {
        var counted = new Dictionary<WindowKind, DateOnly>
        {
            [WindowKind.Day] = new(2026, 11, 29),
            [WindowKind.Week] = new(2026, 11, 23),
            [WindowKind.Month] = new(2026, 11, 1),
        };

        var due = DueWindows.At(DateTimeOffset.Parse("2026-11-30T00:00:01Z"), counted);

        CollectionAssert.AreEqual(
            new[] { new CountingWindow(WindowKind.Day, new(2026, 11, 30)), new CountingWindow(WindowKind.Week, new(2026, 11, 30)) },
            due.ToArray());
    }

    [TestMethod]
    public void When_the_clock_goes_back_a_window_counted_later_is_not_counted_again()
    {
        var counted = new Dictionary<WindowKind, DateOnly>
        {
            [WindowKind.Day] = new(2026, 12, 2),
            [WindowKind.Week] = new(2026, 11, 30),
            [WindowKind.Month] = new(2026, 12, 1),
        };

        var due = DueWindows.At(DateTimeOffset.Parse("2026-11-27T10:00:00Z"), counted);

        Assert.IsEmpty(due);
    }
}
