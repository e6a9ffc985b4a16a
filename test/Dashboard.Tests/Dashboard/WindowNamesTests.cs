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

    [TestMethod]
    [DataRow("platform.id", "none", "bare metal")]
    [DataRow("platform.id", "metal", "bare metal")]
    [DataRow("platform.id", "aws", "AWS")]
    [DataRow("os-versions.variant_id", "coreos", "Fedora CoreOS")]
    [DataRow("os-versions.version_id", "41", "Fedora 41")]
    [DataRow("hardware.memory_gib", "1024", "1 TiB")]
    [DataRow("systems.sys_age", "4", "more than six months")]
    [DataRow("os-versions.version_id", "", "not reported")]
    public void A_value_is_labelled_with_the_words_people_use(string field, string value, string label) =>
        Assert.AreEqual(label, ValueLabels.Of(field, value, "fedora"));

    [TestMethod]
    public void Without_one_distribution_releases_and_editions_stay_as_reported()
    {
        Assert.AreEqual("41", ValueLabels.Of(ReportFields.VersionId, "41", osId: null));
        Assert.AreEqual("CoreOS", ValueLabels.Of(ReportFields.Variant, "coreos", osId: "rhcos"));
        Assert.AreEqual("Fedora 41", ValueLabels.CountmeRelease("Fedora Linux", "41"), "countme's NAME since Fedora 35");
        Assert.AreEqual("Fedora 33", ValueLabels.CountmeRelease("Fedora", "33"));
    }
}
