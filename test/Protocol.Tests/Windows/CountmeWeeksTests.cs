using Pinger.Protocol.Windows;

namespace Pinger.Protocol.Tests.Windows;

[TestClass]
public sealed class CountmeWeeksTests
{
    [TestMethod]
    public void Week_2614_starts_Monday_2020_02_10_at_midnight_UTC()
    {
        Assert.AreEqual(2614, CountingCalendar.WeekNumber(new DateTimeOffset(2020, 2, 10, 0, 0, 0, TimeSpan.Zero)));
        Assert.AreEqual(2613, CountingCalendar.WeekNumber(new DateTimeOffset(2020, 2, 9, 23, 59, 59, TimeSpan.Zero)));
        Assert.AreEqual(2614, CountingCalendar.WeekNumber(new DateTimeOffset(2020, 2, 16, 23, 59, 59, TimeSpan.Zero)));
        Assert.AreEqual(2615, CountingCalendar.WeekNumber(new DateTimeOffset(2020, 2, 17, 0, 0, 0, TimeSpan.Zero)));
        Assert.AreEqual(new DateOnly(2020, 2, 10), CountingCalendar.WeekStart(2614));
        Assert.AreEqual(new DateOnly(2020, 2, 16), CountingCalendar.WeekEnd(2614));
    }

    [TestMethod]
    public void The_week_follows_UTC_not_the_local_offset()
    {
        // 01:00 on Monday at +02:00 is still Sunday 23:00 UTC.
        Assert.AreEqual(2613, CountingCalendar.WeekNumber(new DateTimeOffset(2020, 2, 10, 1, 0, 0, TimeSpan.FromHours(2))));
        Assert.AreEqual(2614, CountingCalendar.WeekNumber(new DateTimeOffset(2020, 2, 9, 20, 0, 0, TimeSpan.FromHours(-4))));
    }

    [TestMethod]
    public void The_arithmetic_is_the_protocol_constants()
    {
        Assert.AreEqual(0, CountingCalendar.WeekNumberOfUnixTime(345600));
        Assert.AreEqual(-1, CountingCalendar.WeekNumberOfUnixTime(345599), "floored like Python's //, not truncated");
        Assert.AreEqual(2614, CountingCalendar.WeekNumberOfUnixTime(345600 + 2614L * 604800));
        Assert.AreEqual(new DateOnly(1970, 1, 5), CountingCalendar.WeekStart(0));
        Assert.AreEqual(new DateOnly(1969, 12, 29), CountingCalendar.WeekStart(-1));
    }

    [TestMethod]
    [DataRow(2020, 2, 10, 2614)]
    [DataRow(2020, 2, 16, 2614)]
    [DataRow(2020, 2, 17, 2615)]
    [DataRow(2020, 12, 28, 2660)]
    [DataRow(2021, 1, 24, 2663)]
    [DataRow(1970, 1, 4, -1)]
    public void A_date_belongs_to_the_week_of_its_Monday(int year, int month, int day, long week)
    {
        Assert.AreEqual(week, CountingCalendar.WeekNumberOf(new DateOnly(year, month, day)));
        Assert.AreEqual(DayOfWeek.Monday, CountingCalendar.WeekStart(week).DayOfWeek);
    }
}
