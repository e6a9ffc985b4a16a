using Pinger.Plugins.Sdk;
using Pinger.Protocol.Schema;

namespace Pinger.Protocol.Tests.Schema;

[TestClass]
public sealed class SchemaFileTests
{
    private static readonly ProbeDescriptor Sample = new(
        "sample", "A sample probe.", MetricsLevel.Minimal, true, TimeSpan.FromSeconds(1),
        [
            FieldDeclaration.OneOf("kind", MetricsLevel.Minimal, "Kind.", ["a", "b"], "fixed set"),
            FieldDeclaration.Matching("version", MetricsLevel.Minimal, "Version.", @"\A[0-9.]+\z", 16, 50, "as released"),
            FieldDeclaration.Integer("count", MetricsLevel.Full, "Count.", Coarsen.CountValues),
            FieldDeclaration.Boolean("flag", MetricsLevel.Full, "Flag."),
            FieldDeclaration.ListOneOf("tags", MetricsLevel.Full, "Tags.", ["x", "y"], 2, "fixed set"),
            FieldDeclaration.ListMatching("names", MetricsLevel.Full, "Names.", @"\A[a-z]+\z", 8, 3, 40, "as named"),
        ]);

    [TestMethod]
    public void A_written_schema_reads_back_into_declarations_that_check_values_the_same_way()
    {
        var read = SchemaFile.Read(SchemaFile.Write([Sample])).Single();

        Assert.AreEqual("sample", read.ProbeId);
        var fields = read.Fields.ToDictionary(f => f.Name);
        foreach (var original in Sample.Fields)
        {
            var copy = fields[original.Name];
            Assert.AreEqual(original.Type, copy.Type);
            Assert.AreEqual(original.Level, copy.Level);
            Assert.AreEqual(original.Pattern, copy.Pattern);
            Assert.AreEqual(original.MaxItems, copy.MaxItems);
            Assert.AreEqual(original.MaxLength, copy.MaxLength);
            Assert.AreEqual(original.MaxDistinctPerWindow, copy.MaxDistinctPerWindow);
            Assert.AreEqual(original.Coarsening, copy.Coarsening);
            CollectionAssert.AreEqual(original.Values?.Values.ToArray(), copy.Values?.Values.ToArray());
            CollectionAssert.AreEqual(original.AllowedValues?.ToArray(), copy.AllowedValues?.ToArray());
        }

        Assert.IsTrue(fields["version"].Accepts(FieldValue.FromText("41.1"), out _));
        Assert.IsFalse(fields["version"].Accepts(FieldValue.FromText("41 beta"), out _));
        Assert.IsFalse(fields["version"].Accepts(FieldValue.FromText("41\n"), out _));
        Assert.IsFalse(fields["tags"].Accepts(FieldValue.FromList(["x", "z"]), out _));
        Assert.IsTrue(fields["count"].Accepts(FieldValue.FromInteger(50), out _));
        Assert.IsFalse(fields["count"].Accepts(FieldValue.FromInteger(51), out _));
    }

    [TestMethod]
    public void Every_kind_of_integer_value_set_reads_back_as_the_same_set()
    {
        var probe = new ProbeDescriptor(
            "sets", "Value sets.", MetricsLevel.Minimal, true, TimeSpan.FromSeconds(1),
            [
                FieldDeclaration.Integer("powers", MetricsLevel.Minimal, "Powers.", IntegerValues.PowersOfTwo(2, 64, withZero: true)),
                FieldDeclaration.Integer("range", MetricsLevel.Minimal, "Range.", IntegerValues.Range(-2, 7)),
            ]);

        var fields = SchemaFile.Read(SchemaFile.Write([probe])).Single().Fields.ToDictionary(f => f.Name);

        CollectionAssert.AreEqual(new long[] { 0, 2, 4, 8, 16, 32, 64 }, fields["powers"].Values!.Values.ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(-2, 10).Select(i => (long)i).ToArray(), fields["range"].Values!.Values.ToArray());
    }

    [TestMethod]
    [DataRow("not json", "not valid JSON")]
    [DataRow("{\"schema\": 2, \"probes\": {}}", "\"schema\" must be 1")]
    [DataRow("{\"schema\": 1}", "\"probes\" must be an object")]
    [DataRow("{\"schema\": 1, \"probes\": {\"Bad Id\": {\"fields\": {}}}}", "probe 'Bad Id': needs a valid id")]
    [DataRow("{\"schema\": 1, \"probes\": {\"p\": {\"fields\": {\"f\": {\"type\": \"text\", \"level\": \"minimal\"}}}}}", "probe 'p', field 'f': a text field needs \"allowed\" or \"pattern\"")]
    [DataRow("{\"schema\": 1, \"probes\": {\"p\": {\"fields\": {\"f\": {\"type\": \"integer\", \"level\": \"minimal\"}}}}}", "probe 'p', field 'f': an integer field needs \"values\"")]
    [DataRow("{\"schema\": 1, \"probes\": {\"p\": {\"fields\": {\"f\": {\"type\": \"text\", \"level\": \"minimal\", \"pattern\": \"\\\\A[a-z]+\\\\z\", \"max_length\": 8}}}}}", "probe 'p', field 'f': a pattern field needs \"max_distinct_per_window\"")]
    [DataRow("{\"schema\": 1, \"probes\": {\"p\": {\"fields\": {\"f\": {\"type\": \"text\", \"level\": \"minimal\", \"pattern\": \"[a-z]+$\", \"max_length\": 8, \"max_distinct_per_window\": 9}}}}}", "probe 'p', field 'f': Field 'f': the pattern must be anchored")]
    [DataRow("{\"schema\": 1, \"probes\": {\"p\": {\"fields\": {\"f\": {\"type\": \"blob\", \"level\": \"minimal\"}}}}}", "probe 'p', field 'f': unknown type 'blob'")]
    [DataRow("{\"schema\": 1, \"probes\": {\"p\": {\"fields\": {\"f\": {\"type\": \"boolean\", \"level\": \"loud\"}}}}}", "probe 'p', field 'f': unknown level")]
    public void A_malformed_schema_file_is_refused_naming_what_is_wrong(string json, string message)
    {
        var error = Assert.ThrowsExactly<FormatException>(() => SchemaFile.Read(json));

        StringAssert.StartsWith(error.Message, message);
    }
}
