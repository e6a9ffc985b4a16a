using Pinger.Protocol.Windows;

namespace Pinger.Protocol.Tests.Windows;

[TestClass]
public sealed class AcceptedWindowsTests
{
    [TestMethod]
    public void A_week_window_starts_on_the_Monday_of_its_calendar_week_for_every_day_of_three_years()
    {
        // Counted from the day of the week, not from countme's week numbers, so the two arithmetics check each other.
        for (var day = new DateOnly(2024, 1, 1); day < new DateOnly(2027, 1, 1); day = day.AddDays(1))
        {
            var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            Assert.AreEqual(monday, CountingCalendar.StartOf(WindowKind.Week, day), day.ToString("O"));
            Assert.AreEqual(monday, CountingCalendar.Containing(WindowKind.Week, day.ToDateTime(new TimeOnly(23, 59), DateTimeKind.Utc)).Start, day.ToString("O"));
        }
    }

    [TestMethod]
    [DataRow("2026-11-27T12:00:00Z", WindowKind.Day, "2026-11-26,2026-11-27")]
    [DataRow("2026-11-27T23:55:00Z", WindowKind.Day, "2026-11-26,2026-11-27,2026-11-28")]
    [DataRow("2026-11-30T00:05:00Z", WindowKind.Week, "2026-11-23,2026-11-30")]
    [DataRow("2026-11-29T23:55:00Z", WindowKind.Week, "2026-11-16,2026-11-23,2026-11-30")]
    [DataRow("2026-12-01T00:01:00Z", WindowKind.Month, "2026-11-01,2026-12-01")]
    [DataRow("2026-01-15T00:00:00Z", WindowKind.Month, "2025-12-01,2026-01-01")]
    public void The_current_and_previous_windows_are_accepted_and_the_next_one_only_within_the_skew(string now, WindowKind kind, string expected)
    {
        var accepted = CountingCalendar.Acceptable(kind, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(10));

        CollectionAssert.AreEqual(expected.Split(',').Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToArray(), accepted.Order().ToArray());
    }
}
