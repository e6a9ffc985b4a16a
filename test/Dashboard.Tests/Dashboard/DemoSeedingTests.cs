using Pinger.Bench.Harness.Demo;
using Pinger.Dashboard.Tests.Infrastructure;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Dashboard.Tests.Dashboard;

/// <summary>
/// The Demo's seeding, run as the Demo runs it (the same fleet and seeder, checked against the in-tree probes'
/// real field declarations) at a small size, then the dashboard in headless Chromium: every chart, every headline
/// figure and every share card has content, so a fresh clone's Demo cannot silently show an empty page.
/// </summary>
[TestClass]
public sealed class DemoSeedingTests
{
    private const int Machines = 900;
    private static readonly DateOnly Today = DateOnly.FromDateTime(FixedClock.Friday.UtcDateTime);
    private static DashboardServer _server = null!;
    private static DemoSeedSummary _summary = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context) => _server = await DashboardServer.StartAsync(
        store => _summary = DemoSeeder.Seed(store, InTreeSchema.Registry, DemoFleet.Create(Machines, Today), Today),
        schemaJson: InTreeSchema.Json);

    [ClassCleanup]
    public static async Task Stop() => await _server.DisposeAsync();

    [TestMethod]
    public void The_fleet_is_about_the_size_asked_for_and_reported_all_year()
    {
        Assert.IsTrue(_summary.Machines is > Machines * 9 / 10 and < Machines * 11 / 10, $"{_summary.Machines} machines yesterday");
        Assert.IsTrue(_summary.Reports > Machines * 52L, $"{_summary.Reports} reports: at least one per machine and week");
        Assert.IsTrue(_summary.CountmeHits > 0);
    }

    [TestMethod]
    [DataRow("week", "version")]
    [DataRow("week", "variant")]
    [DataRow("week", "stream")]
    [DataRow("day", "platform")]
    [DataRow("month", "age")]
    public async Task Every_chart_and_headline_figure_has_content(string kind, string breakdown)
    {
        await using var recorder = await PageRecorder.OpenAsync();
        var page = recorder.Page;
        Assert.AreEqual(200, (await page.GotoAsync($"{_server.Origin}/?window={kind}&breakdown={breakdown}"))!.Status);

        foreach (var chart in new[] { "reports-chart", "countme-chart" })
        {
            var bars = await PageNumbers.BarsAsync(page, chart);
            var filled = bars.Values.Count(b => b > 0);
            Assert.IsTrue(filled >= Math.Min(bars.Count - 1, 10), $"{chart}: {filled} of {bars.Count} bars have content");
            Assert.IsTrue((await PageNumbers.SeriesAsync(page, chart)).Count >= 2, $"{chart} stacks at least two series");
        }

        Assert.AreEqual(3, await page.Locator("#headline li[data-count]").CountAsync(), "every headline figure has a number");
        Assert.AreEqual(0, await page.Locator("#empty").CountAsync());
    }

    [TestMethod]
    public async Task Every_share_card_has_published_values_named_as_people_say_them()
    {
        await using var recorder = await PageRecorder.OpenAsync();
        var page = recorder.Page;
        await page.GotoAsync(_server.Origin + "/?window=month");

        // October 2026 is the last ended month on Friday 2026-11-27.
        Assert.AreEqual("Shares in October 2026", (await page.Locator("#shares-h").TextContentAsync())!.Trim());
        var cards = await page.Locator("#shares div.field").AllAsync();
        Assert.IsTrue(cards.Count >= 12, $"{cards.Count} cards");
        foreach (var card in cards)
        {
            var field = await card.GetAttributeAsync("data-field");
            Assert.IsTrue(await card.Locator("tr[data-value]").CountAsync() > 0, $"{field} shows no value");
        }

        // Sections in the order a release manager asks: release and platform first, container engines and network last.
        var probes = await page.Locator("#shares h3").AllTextContentsAsync();
        CollectionAssert.AreEqual(new[] { "os-versions", "platform", "instance-type", "hardware", "layered-packages", "container-runtimes", "network" }, probes.ToArray());

        Assert.AreEqual("bare metal", await page.Locator("div[data-field='platform.id'] tr[data-value='none']").GetAttributeAsync("data-label"));
        Assert.AreEqual("Fedora CoreOS", await page.Locator("div[data-field='os-versions.variant_id'] tr[data-value='coreos']").GetAttributeAsync("data-label"));
    }

    [TestMethod]
    public async Task The_demo_looks_right_at_laptop_and_phone_width()
    {
        foreach (var (name, width, height, mobile) in new[] { ("demo-laptop", 1280, 900, false), ("demo-phone", 390, 844, true) })
        {
            await using var recorder = await PageRecorder.OpenAsync(width, height, mobile);
            await recorder.Page.GotoAsync(_server.Origin + "/");
            Assert.AreEqual(0, await recorder.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"), name);
            var file = await recorder.ScreenshotAsync(TestContext, name);
            Assert.IsTrue(new FileInfo(file).Length > 10_000, file);
        }
    }
}
