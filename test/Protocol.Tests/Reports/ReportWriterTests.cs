using System.Text;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;

namespace Pinger.Protocol.Tests.Reports;

[TestClass]
public sealed class ReportWriterTests
{
    [TestMethod]
    public void Writes_keys_in_ordinal_order_at_every_level_whatever_the_input_order()
    {
        var report = new Report(MetricsLevel.Full, new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>
        {
            ["platform"] = new Dictionary<string, FieldValue> { ["source"] = FieldValue.FromText("ignition"), ["id"] = FieldValue.FromText("aws") },
            ["hardware"] = new Dictionary<string, FieldValue>
            {
                ["uefi"] = FieldValue.FromBoolean(true),
                ["memory_bytes"] = FieldValue.FromInteger(16L << 30),
                ["disks"] = FieldValue.FromList(["ssd", "hdd", "ssd"]),
            },
        });

        var json = Encoding.UTF8.GetString(ReportWriter.Write(report));

        Assert.AreEqual(
            """
            {
              "level": "full",
              "probes": {
                "hardware": {
                  "disks": [
                    "hdd",
                    "ssd"
                  ],
                  "memory_bytes": 17179869184,
                  "uefi": true
                },
                "platform": {
                  "id": "aws",
                  "source": "ignition"
                }
              },
              "schema": 1
            }

            """.ReplaceLineEndings("\n"),
            json);
    }

    [TestMethod]
    public void The_same_report_always_gives_the_same_bytes()
    {
        Report Build(bool reversed)
        {
            var fields = new[] { ("b", "2"), ("a", "1"), ("c", "3") };
            var ordered = reversed ? fields.Reverse() : fields;
            return new Report(MetricsLevel.Minimal, new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>
            {
                ["p"] = ordered.ToDictionary(f => f.Item1, f => FieldValue.FromText(f.Item2)),
            });
        }

        CollectionAssert.AreEqual(ReportWriter.Write(Build(false)), ReportWriter.Write(Build(true)));
    }

    [TestMethod]
    public void Text_is_escaped_as_JSON_requires()
    {
        var report = new Report(MetricsLevel.Minimal, new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>
        {
            ["p"] = new Dictionary<string, FieldValue> { ["f"] = FieldValue.FromText("a\"b<c>") },
        });

        var json = Encoding.UTF8.GetString(ReportWriter.Write(report));

        StringAssert.Contains(json, "\"f\": \"a\\u0022b\\u003Cc\\u003E\"");
    }
}
