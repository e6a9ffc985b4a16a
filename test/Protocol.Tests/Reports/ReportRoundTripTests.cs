using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;
using Pinger.Protocol.Schema;
using Pinger.Protocol.Windows;

namespace Pinger.Protocol.Tests.Reports;

/// <summary>What the client's writer produces, the server's reader takes back whole: the two share one wire format.</summary>
[TestClass]
public sealed class ReportRoundTripTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lookup Fields = new(new Dictionary<string, FieldDeclaration[]>
    {
        ["platform"] = [FieldDeclaration.OneOf("id", MetricsLevel.Minimal, "Platform.", ["aws", "metal"], "fixed set")],
        ["hardware"] =
        [
            FieldDeclaration.Integer("memory_bytes", MetricsLevel.Full, "Memory.", IntegerValues.PowersOfTwo(1L << 30, 1L << 40, withZero: true)),
            FieldDeclaration.Boolean("uefi", MetricsLevel.Full, "Firmware."),
            FieldDeclaration.ListOneOf("disks", MetricsLevel.Full, "Disks.", ["hdd", "ssd"], 2, "fixed set"),
        ],
    });

    [TestMethod]
    public void A_written_report_is_read_back_with_every_window_value_age_and_nonce()
    {
        var nonce = ReportNonce.Create();
        var windows = CountingCalendar.AllContaining(Now);
        var report = new Report(MetricsLevel.Full, new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>
        {
            ["platform"] = new Dictionary<string, FieldValue> { ["id"] = FieldValue.FromText("aws") },
            ["hardware"] = new Dictionary<string, FieldValue>
            {
                ["memory_bytes"] = FieldValue.FromInteger(16L << 30),
                ["uefi"] = FieldValue.FromBoolean(true),
                ["disks"] = FieldValue.FromList(["ssd", "hdd"]),
            },
        })
        { Windows = windows, Age = 3, Nonce = nonce };

        var result = new ReportReader(Fields, Now, TimeSpan.FromMinutes(10)).Read(ReportWriter.Write(report));

        Assert.AreEqual(ReportVerdict.Accepted, result.Verdict, string.Join("; ", result.Problems));
        var read = result.Report!;
        Assert.AreEqual(nonce, read.Nonce);
        Assert.AreEqual(MetricsLevel.Full, read.Level);
        Assert.AreEqual(3, read.Age);
        CollectionAssert.AreEquivalent(windows.ToArray(), read.Windows.ToArray());
        CollectionAssert.AreEquivalent(
            new[] { "hardware.disks=hdd,ssd", "hardware.memory_bytes=17179869184", "hardware.uefi=True", "platform.id=aws" },
            read.Values.Select(v => $"{v.QualifiedName}={Text(v.Value)}").ToArray());
    }

    [TestMethod]
    public void A_report_without_windows_as_dry_run_prints_for_no_due_window_is_not_a_report_to_count()
    {
        var report = new Report(MetricsLevel.Minimal, new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>
        {
            ["platform"] = new Dictionary<string, FieldValue> { ["id"] = FieldValue.FromText("metal") },
        })
        { Age = 1, Nonce = ReportNonce.Create() };

        var result = new ReportReader(Fields, Now, TimeSpan.FromMinutes(10)).Read(ReportWriter.Write(report));

        Assert.AreEqual(ReportVerdict.Invalid, result.Verdict);
        Assert.AreEqual(ReportWire.Windows, result.Problems.Single().Field);
    }

    [TestMethod]
    public void Every_member_the_writer_uses_is_one_the_reader_knows()
    {
        var report = new Report(MetricsLevel.Minimal, new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>())
        { Windows = CountingCalendar.AllContaining(Now), Age = 1, Nonce = ReportNonce.Create() };

        using var document = System.Text.Json.JsonDocument.Parse(ReportWriter.Write(report));

        CollectionAssert.AreEquivalent(
            ReportWire.Members.ToArray(),
            document.RootElement.EnumerateObject().Select(m => m.Name).ToArray());
    }

    [TestMethod]
    public void A_nonce_is_16_random_bytes_and_never_repeats()
    {
        var nonces = Enumerable.Range(0, 1000).Select(_ => ReportNonce.Create()).ToArray();

        Assert.IsTrue(nonces.All(ReportNonce.IsWellFormed));
        Assert.AreEqual(nonces.Length, nonces.Distinct(StringComparer.Ordinal).Count());
        Assert.IsFalse(ReportNonce.IsWellFormed("AAAAAAAAAAAAAAAAAAAAAB"), "the last character of 16 bytes carries 2 bits only");
    }

    private static string Text(FieldValue value) => value.Type switch
    {
        FieldType.TextList => string.Join(",", value.Items!.Order(StringComparer.Ordinal)),
        FieldType.Integer => value.Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FieldType.Boolean => value.Boolean.ToString(),
        _ => value.Text!,
    };

    private sealed class Lookup(IReadOnlyDictionary<string, FieldDeclaration[]> probes) : IFieldLookup
    {
        public bool HasProbe(string probeId) => probes.ContainsKey(probeId);

        public FieldDeclaration? Find(string probeId, string field) =>
            probes.TryGetValue(probeId, out var fields) ? fields.FirstOrDefault(f => f.Name == field) : null;
    }
}
