using Pinger.Protocol.Windows;
using Pinger.Server.Countme;
using Pinger.Server.Publishing;
using Pinger.Server.Storage;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Publishing;

[TestClass]
public sealed class CountmeSystemsExportTests
{
    private const string Header = "week_start,week_end,hits,os_name,os_version,os_variant,os_arch,sys_age,repo_tag,repo_arch\n";

    [TestMethod]
    public async Task Complete_weeks_of_reports_are_served_in_the_countme_CSV_with_platforms_added_up()
    {
        await using var server = await TestServer.StartAsync(s => s with { Epsilon = 1_000_000m, MinCount = 2 });
        await PublishingTests.PostAsync(server, 2, platform: "aws");
        await PublishingTests.PostAsync(server, 2, platform: "gcp");

        var open = await server.Client.GetStringAsync("/v1/countme/systems.csv");
        server.Clock.Now = FixedClock.Friday.AddDays(7);
        using var response = await server.Client.GetAsync("/v1/countme/systems.csv");
        var complete = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(Header, open, "the week of 2026-11-23 is still open");
        Assert.AreEqual(Header + "2026-11-23,2026-11-29,4,Fedora Linux,41,coreos,x86_64,3,pinger,x86_64\n", complete);
        Assert.AreEqual("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
    }

    [TestMethod]
    public async Task Rows_below_the_publishing_threshold_are_withheld()
    {
        await using var server = await TestServer.StartAsync(s => s with { Epsilon = 1_000_000m, MinCount = 4 });
        await PublishingTests.PostAsync(server, 3, platform: "aws");
        server.Clock.Now = FixedClock.Friday.AddDays(7);

        Assert.AreEqual(Header, await server.Client.GetStringAsync("/v1/countme/systems.csv"));
    }

    [TestMethod]
    public async Task A_systems_cell_the_public_release_withholds_is_not_added_back_by_the_export()
    {
        // Adding up platforms before withholding would publish aws + gcp, and with /v1/systems.csv's aws row, gcp's count.
        await using var server = await TestServer.StartAsync(s => s with { Epsilon = 1_000_000m, MinCount = 2 });
        await PublishingTests.PostAsync(server, 3, platform: "aws");
        await PublishingTests.PostAsync(server, 1, platform: "gcp");
        server.Clock.Now = FixedClock.Friday.AddDays(7);

        var export = await server.Client.GetStringAsync("/v1/countme/systems.csv");

        Assert.IsFalse(export.Contains(",4,Fedora Linux,", StringComparison.Ordinal), export);
    }

    [TestMethod]
    public void A_row_describes_the_machine_as_rpm_ostree_s_countme_request_would()
    {
        var week = new CountingWindow(WindowKind.Week, new DateOnly(2026, 11, 23));
        var rows = CountmeSystemsExport.Rows(
        [
            new SystemCount(week, new SystemTuple("fedora", "41", "coreos", "x86_64", "2", "aws"), 5),
            new SystemCount(new CountingWindow(WindowKind.Day, new DateOnly(2026, 11, 24)), new SystemTuple("fedora", "41", "coreos", "x86_64", "2", "aws"), 9),
        ]);

        var row = rows.Single();
        var fromAgent = CountmeUserAgent.Parse("rpm-ostree (Fedora Linux 41; coreos; Linux.x86_64)")!;
        Assert.AreEqual((fromAgent.OsName, fromAgent.OsVersion, fromAgent.OsVariant, fromAgent.OsArch),
            (row.Key.OsName, row.Key.OsVersion, row.Key.OsVariant, row.Key.OsArch));
        Assert.AreEqual((5L, "2", "pinger", "x86_64"), (row.Hits, row.Key.SysAge, row.Key.RepoTag, row.Key.RepoArch));
    }

    [TestMethod]
    [DataRow("fedora", "41", "", "Fedora Linux", "unknown")]
    [DataRow("fedora", "34", "workstation", "Fedora", "workstation")]
    [DataRow("rhel", "9.4", "", "Red Hat Enterprise Linux", "unknown")]
    [DataRow("centos", "9", "", "CentOS Stream", "unknown")]
    [DataRow("debian", "12", "", "Debian GNU/Linux", "unknown")]
    [DataRow("somethingnew", "1", "x", "somethingnew", "x")]
    public void Names_and_variants_are_those_of_os_release_and_rpm_ostree(string id, string version, string variant, string name, string exportedVariant)
    {
        var week = new CountingWindow(WindowKind.Week, new DateOnly(2026, 11, 23));

        var row = CountmeSystemsExport.Rows([new SystemCount(week, new SystemTuple(id, version, variant, "aarch64", "4", ""), 1)]).Single();

        Assert.AreEqual((name, version, exportedVariant), (row.Key.OsName, row.Key.OsVersion, row.Key.OsVariant));
    }
}
