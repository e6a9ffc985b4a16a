using System.Text.Json.Nodes;
using Pinger.Protocol.Windows;
using Pinger.Server.Publishing;
using Pinger.Server.Storage;

namespace Pinger.Server.Tests.Publishing;

[TestClass]
public sealed class TotalsJsonTests
{
    private static readonly CountingWindow Week = new(WindowKind.Week, new DateOnly(2026, 11, 23));

    private static async Task<JsonObject> WriteAsync(TotalsSnapshot snapshot, decimal? epsilon)
    {
        using var output = new MemoryStream();
        await TotalsJson.WriteAsync(output, new ReleasedTotals(snapshot, epsilon), CancellationToken.None);
        return JsonNode.Parse(output.ToArray())!.AsObject();
    }

    [TestMethod]
    public async Task Every_row_is_written_with_its_window_and_values_escaped()
    {
        var snapshot = new TotalsSnapshot(
            [new WindowCount(Week, 12)],
            [new TotalsCell(Week, "os-versions.version", "41 \"quoted\" é", 12)],
            [new SystemCount(Week, new SystemTuple("fedora", "41", "coreos", "x86_64", "3", "aws"), 12)]);

        var json = await WriteAsync(snapshot, epsilon: 1.5m);

        Assert.AreEqual(1.5m, (decimal)json["epsilon"]!);
        var report = json["reports"]!.AsArray().Single()!;
        Assert.AreEqual("week", (string)report["window"]!);
        Assert.AreEqual("2026-11-23", (string)report["start"]!);
        Assert.AreEqual(12, (long)report["count"]!);
        var cell = json["totals"]!.AsArray().Single()!;
        Assert.AreEqual("41 \"quoted\" é", (string)cell["value"]!);
        Assert.AreEqual("os-versions.version", (string)cell["field"]!);
        var system = json["systems"]!.AsArray().Single()!;
        CollectionAssert.AreEqual(
            new[] { "fedora", "41", "coreos", "x86_64", "3", "aws" },
            new[] { "os_name", "os_version", "os_variant", "os_arch", "sys_age", "platform" }.Select(k => (string)system[k]!).ToArray());
    }

    [TestMethod]
    public async Task The_admin_answer_has_no_epsilon_and_a_large_answer_stays_whole()
    {
        var cells = Enumerable.Range(0, 20_000).Select(i => new TotalsCell(Week, "platform.id", "v" + i, i)).ToArray();

        var json = await WriteAsync(new TotalsSnapshot([], cells, []), epsilon: null);

        Assert.IsNull(json["epsilon"]);
        Assert.IsTrue(json.ContainsKey("epsilon"));
        Assert.HasCount(20_000, json["totals"]!.AsArray());
        Assert.AreEqual(19_999, (long)json["totals"]![19_999]!["count"]!);
    }
}
