using Pinger.Protocol.Windows;
using Pinger.Server.Dashboard;

namespace Pinger.Dashboard.Tests.Dashboard;

/// <summary>How the page names windows in words, per kind.</summary>
[TestClass]
public sealed class WindowNamesTests
{
    [TestMethod]
    [DataRow(WindowKind.Day, "2026-12-05", "on 2026-12-05", "2026-12-05")]
    [DataRow(WindowKind.Week, "2026-11-23", "in week 2026-W48", "2026-11-23 to 2026-11-29")]
    [DataRow(WindowKind.Week, "2026-12-28", "in week 2026-W53", "2026-12-28 to 2027-01-03")]
    [DataRow(WindowKind.Week, "2024-12-30", "in week 2025-W01", "2024-12-30 to 2025-01-05")]
    [DataRow(WindowKind.Month, "2026-11-01", "in November 2026", "2026-11-01 to 2026-11-30")]
    public void A_window_is_named_as_people_say_it(WindowKind kind, string start, string inWords, string span)
    {
        var date = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        Assert.AreEqual(inWords, WindowNames.In(kind, date));
        Assert.AreEqual(span, WindowNames.Span(kind, date));
    }
}
