using Pinger.Protocol.Exposition;
using Pinger.Testing.Prometheus;

namespace Pinger.Protocol.Tests.Exposition;

[TestClass]
public sealed class MetricsTextWriterTests
{
    private static readonly MetricFamily Memory = new("pinger_hardware_memory_bytes", "Memory \"MemTotal\", in bytes.", "bytes", [MetricSample.Of(17179869184)]);

    private static readonly MetricFamily Hostile = new(
        "pinger_machines", "Line one\nback\\slash.", null, [new([new("field", "x"), new("value", "a\"b\\c\nd")], 3)]);

    [TestMethod]
    public void The_text_format_has_help_and_type_lines_and_no_unit_or_end_marker()
    {
        var text = MetricsTextWriter.Write([Memory], MetricsTextFormat.Prometheus);

        Assert.AreEqual(
            "# HELP pinger_hardware_memory_bytes Memory 'MemTotal', in bytes.\n# TYPE pinger_hardware_memory_bytes gauge\npinger_hardware_memory_bytes 17179869184\n",
            text);
        Promtool.AssertValid(text, "a family with a unit in the text format");
    }

    [TestMethod]
    public void OpenMetrics_adds_the_unit_line_and_ends_with_eof()
    {
        var text = MetricsTextWriter.Write([Memory], MetricsTextFormat.OpenMetrics);

        Assert.AreEqual(
            "# HELP pinger_hardware_memory_bytes Memory 'MemTotal', in bytes.\n# TYPE pinger_hardware_memory_bytes gauge\n# UNIT pinger_hardware_memory_bytes bytes\npinger_hardware_memory_bytes 17179869184\n# EOF\n",
            text);
        Promtool.AssertValid(text, "a family with a unit in OpenMetrics");
    }

    [TestMethod]
    [DataRow(MetricsTextFormat.Prometheus)]
    [DataRow(MetricsTextFormat.OpenMetrics)]
    public void Quotes_backslashes_and_line_feeds_in_label_values_and_help_are_escaped(MetricsTextFormat format)
    {
        var text = MetricsTextWriter.Write([Hostile], format);

        StringAssert.Contains(text, "# HELP pinger_machines Line one\\nback\\\\slash.\n");
        StringAssert.Contains(text, "pinger_machines{field=\"x\",value=\"a\\\"b\\\\c\\nd\"} 3\n");
        Promtool.AssertValid(text, "escaped label values");
    }

    [TestMethod]
    public void A_family_without_samples_keeps_its_help_and_type()
    {
        var text = MetricsTextWriter.Write([new MetricFamily("pinger_reports", "Reports.", null, [])], MetricsTextFormat.Prometheus);

        Assert.AreEqual("# HELP pinger_reports Reports.\n# TYPE pinger_reports gauge\n", text);
        Promtool.AssertValid(text, "an empty family");
    }

    [TestMethod]
    [DataRow("pinger-os", null, "x")]
    [DataRow("pinger_memory", "bytes", "x")]
    [DataRow("pinger_x", null, "__name__")]
    [DataRow("pinger_x", null, "os-id")]
    public void Invalid_names_units_and_labels_are_refused(string name, string? unit, string label)
    {
        var family = new MetricFamily(name, "Help.", unit, [new([new(label, "v")], 1)]);

        Assert.ThrowsExactly<ArgumentException>(() => MetricsTextWriter.Write([family], MetricsTextFormat.Prometheus));
    }

    [TestMethod]
    public void A_name_used_twice_is_refused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => MetricsTextWriter.Write([Memory, Memory], MetricsTextFormat.OpenMetrics));
    }
}
