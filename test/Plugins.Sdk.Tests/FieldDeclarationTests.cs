namespace Pinger.Plugins.Sdk.Tests;

[TestClass]
public sealed class FieldDeclarationTests
{
    [TestMethod]
    public void An_allow_list_accepts_its_values_only()
    {
        var field = FieldDeclaration.OneOf("arch", MetricsLevel.Minimal, "CPU architecture.", ["x86_64", "aarch64"], "fixed set");

        Assert.IsTrue(field.Accepts(FieldValue.FromText("x86_64"), out _));
        Assert.IsFalse(field.Accepts(FieldValue.FromText("sparc"), out var problem));
        Assert.AreEqual("value is not in the declared set", problem);
    }

    [TestMethod]
    public void A_pattern_must_match_the_whole_value_within_the_length_limit()
    {
        var field = FieldDeclaration.Matching("version", MetricsLevel.Minimal, "Version.", "[0-9.]+", 8, "as released");

        Assert.IsTrue(field.Accepts(FieldValue.FromText("41.2024"), out _));
        Assert.IsFalse(field.Accepts(FieldValue.FromText("41 (CoreOS)"), out var mismatch));
        Assert.IsFalse(field.Accepts(FieldValue.FromText("41.20241109"), out var tooLong));
        Assert.IsFalse(field.Accepts(FieldValue.FromText(string.Empty), out _));
        Assert.AreEqual("length 11 is outside 1..8", mismatch);
        Assert.AreEqual("length 11 is outside 1..8", tooLong);
    }

    [TestMethod]
    public void A_value_of_another_type_is_refused()
    {
        var field = FieldDeclaration.Integer("count", MetricsLevel.Full, "A count.", Coarsen.CountDescription);

        Assert.IsFalse(field.Accepts(FieldValue.FromText("3"), out var problem));
        Assert.AreEqual("expected Integer, got Text", problem);
    }

    [TestMethod]
    public void A_list_is_limited_in_items_and_each_item_is_checked()
    {
        var field = FieldDeclaration.ListOneOf("runtimes", MetricsLevel.Full, "Runtimes.", ["podman", "docker"], 2, "fixed set");

        Assert.IsTrue(field.Accepts(FieldValue.FromList(["podman", "docker", "podman"]), out _));
        Assert.IsFalse(field.Accepts(FieldValue.FromList(["podman", "lxd"]), out var problem));
        Assert.AreEqual("value is not in the declared set", problem);
    }

    [TestMethod]
    public void Declarations_that_would_allow_free_text_cannot_be_made()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            FieldDeclaration.Matching("free", MetricsLevel.Full, "Free text.", ".*", 10_000, "none"));
        Assert.ThrowsExactly<ArgumentException>(() =>
            FieldDeclaration.OneOf("Bad Name", MetricsLevel.Full, "Bad.", ["a"], "none"));
        Assert.ThrowsExactly<ArgumentException>(() =>
            FieldDeclaration.Boolean("flag", MetricsLevel.Off, "At level off."));
    }

    [TestMethod]
    public void A_descriptor_refuses_duplicate_fields_and_fields_below_its_level()
    {
        var flag = FieldDeclaration.Boolean("flag", MetricsLevel.Minimal, "A flag.");

        Assert.ThrowsExactly<ArgumentException>(() =>
            new ProbeDescriptor("p", "P.", MetricsLevel.Minimal, true, TimeSpan.FromSeconds(1), [flag, flag]));
        Assert.ThrowsExactly<ArgumentException>(() =>
            new ProbeDescriptor("p", "P.", MetricsLevel.Full, true, TimeSpan.FromSeconds(1), [flag]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            new ProbeDescriptor("p", "P.", MetricsLevel.Minimal, true, TimeSpan.FromHours(1), [flag]));
    }
}
