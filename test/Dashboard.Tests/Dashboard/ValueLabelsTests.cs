using Pinger.Server.Dashboard;

namespace Pinger.Dashboard.Tests.Dashboard;

/// <summary>The words the page uses for reported values.</summary>
[TestClass]
public sealed class ValueLabelsTests
{
    [TestMethod]
    [DataRow("platform.id", "none", "bare metal")]
    [DataRow("platform.id", "metal", "bare metal")]
    [DataRow("platform.id", "aws", "AWS")]
    [DataRow("os-versions.variant_id", "coreos", "Fedora CoreOS")]
    [DataRow("os-versions.version_id", "41", "Fedora 41")]
    [DataRow("hardware.memory_bytes", "1099511627776", "1 TiB")]
    [DataRow("hardware.memory_bytes", "68719476736", "64 GiB")]
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
