namespace Pinger.Plugins.Sdk.Tests;

[TestClass]
public sealed class FieldValuesTests
{
    private static readonly FieldDeclaration Version = FieldDeclaration.Matching(
        "version", MetricsLevel.Minimal, "A version.", @"\A[0-9.]{1,8}\z", 8, 100, "pattern only");

    private static readonly FieldDeclaration Stream = FieldDeclaration.OneOf(
        "stream", MetricsLevel.Minimal, "A stream.", ["stable", "testing"], "one of a fixed list");

    [TestMethod]
    public void Sets_a_value_its_declaration_accepts()
    {
        var values = new FieldValues();

        Assert.IsTrue(values.SetIfAccepted(Version, "41.2"));
        Assert.IsTrue(values.SetIfAccepted(Stream, "stable"));

        Assert.AreEqual(FieldValue.FromText("41.2"), values.Values["version"]);
        Assert.AreEqual(FieldValue.FromText("stable"), values.Values["stream"]);
    }

    [TestMethod]
    [DataRow("41.20241109.3.0", DisplayName = "too long: left out, not shortened")]
    [DataRow("41 (CoreOS)", DisplayName = "outside the pattern")]
    [DataRow(null, DisplayName = "unknown")]
    public void Leaves_out_a_value_its_declaration_refuses_or_that_is_unknown(string? value)
    {
        var values = new FieldValues().Set("version", "40");

        Assert.IsFalse(values.SetIfAccepted(Version, value));

        Assert.AreEqual(FieldValue.FromText("40"), values.Values["version"]);
    }

    [TestMethod]
    public void Leaves_out_a_token_outside_the_allow_list()
    {
        var values = new FieldValues();

        Assert.IsFalse(values.SetIfAccepted(Stream, "rawhide"));

        Assert.IsEmpty(values.Values);
    }
}
