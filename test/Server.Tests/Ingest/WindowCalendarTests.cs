using Pinger.Server.Countme;
using Pinger.Server.Ingest;

using Pinger.Core.Windows;

namespace Pinger.Server.Tests.Ingest;

[TestClass]
public sealed class WindowCalendarTests
{
    [TestMethod]
    public void Weeks_are_countme_weeks_for_every_day_of_three_years()
    {
        for (var day = new DateOnly(2024, 1, 1); day < new DateOnly(2027, 1, 1); day = day.AddDays(1))
        {
            Assert.AreEqual(CountmeWeeks.WeekStart(CountmeWeeks.WeekNumberOf(day)), WindowCalendar.StartOf(WindowKind.Week, day), day.ToString("O"));
        }
    }

    [TestMethod]
    public void Week_2614_starts_on_Monday_2020_02_10_as_in_countme()
    {
        Assert.AreEqual(new DateOnly(2020, 2, 10), WindowCalendar.StartOf(WindowKind.Week, new DateOnly(2020, 2, 16)));
        Assert.AreEqual(new DateOnly(2020, 2, 10), CountmeWeeks.WeekStart(2614));
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
        var accepted = WindowCalendar.Acceptable(kind, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(10));

        CollectionAssert.AreEqual(expected.Split(',').Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToArray(), accepted.Order().ToArray());
    }
}
