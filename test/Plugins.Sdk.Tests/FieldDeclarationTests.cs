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
        var field = FieldDeclaration.Matching("version", MetricsLevel.Minimal, "Version.", @"\A[0-9.]+\z", 8, 100, "as released");

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
        var field = FieldDeclaration.Integer("count", MetricsLevel.Full, "A count.", Coarsen.CountValues);

        Assert.IsFalse(field.Accepts(FieldValue.FromText("3"), out var problem));
        Assert.AreEqual("expected Integer, got Text", problem);
    }

    [TestMethod]
    public void An_integer_field_accepts_only_its_declared_values()
    {
        var field = FieldDeclaration.Integer("count", MetricsLevel.Full, "A count.", Coarsen.CountValues);

        Assert.IsTrue(field.Accepts(FieldValue.FromInteger(20), out _));
        Assert.IsFalse(field.Accepts(FieldValue.FromInteger(21), out var problem));
        Assert.IsFalse(field.Accepts(FieldValue.FromInteger(1L << 61), out _));
        Assert.AreEqual("value is not in the declared set: " + Coarsen.CountDescription, problem);
        Assert.AreEqual(Coarsen.CountDescription, field.Coarsening);
        Assert.AreEqual(11, field.MaxDistinctPerWindow);
    }

    [TestMethod]
    public void A_pattern_does_not_let_a_trailing_newline_through()
    {
        var field = FieldDeclaration.Matching("version", MetricsLevel.Minimal, "Version.", @"\A[0-9]+\z", 8, 100, "as released");

        Assert.IsTrue(field.Accepts(FieldValue.FromText("41"), out _));
        Assert.IsFalse(field.Accepts(FieldValue.FromText("41\n"), out var problem));
        Assert.AreEqual("value does not match the declared pattern", problem);
    }

    [TestMethod]
    public void An_alternation_cannot_escape_the_anchors()
    {
        var field = FieldDeclaration.Matching("tag", MetricsLevel.Minimal, "Tag.", @"\Aa|b\z", 8, 2, "as named");

        Assert.IsFalse(field.Accepts(FieldValue.FromText("abc"), out _));
        Assert.IsFalse(field.Accepts(FieldValue.FromText("cab"), out _));
        Assert.IsTrue(field.Accepts(FieldValue.FromText("a"), out _));
    }

    [TestMethod]
    public void Declarations_without_bounds_are_refused()
    {
        var unanchored = Assert.ThrowsExactly<ArgumentException>(() =>
            FieldDeclaration.Matching("version", MetricsLevel.Minimal, "Version.", "^[0-9]+$", 8, 100, "as released"));
        StringAssert.Contains(unanchored.Message, @"\A and \z");
        Assert.ThrowsExactly<ArgumentException>(() =>
            FieldDeclaration.Matching("version", MetricsLevel.Minimal, "Version.", @"\A[0-9]+\z", 8, 0, "as released"));
        Assert.ThrowsExactly<ArgumentException>(() =>
            FieldDeclaration.ListMatching("names", MetricsLevel.Full, "Names.", @"\A[a-z]+\z", 8, 3, FieldDeclaration.MaxDistinctLimit + 1, "as named"));
        Assert.ThrowsExactly<ArgumentNullException>(() =>
            FieldDeclaration.Integer("count", MetricsLevel.Full, "A count.", (IntegerValues)null!));
    }

    [TestMethod]
    public void A_plugin_built_against_the_older_SDK_gets_a_clear_refusal_for_unbounded_declarations()
    {
        // What a plugin compiled against SDK 1 calls at run time; new code cannot call it (the method is an error to use).
        var integer = typeof(FieldDeclaration).GetMethod(nameof(FieldDeclaration.Integer), [typeof(string), typeof(MetricsLevel), typeof(string), typeof(string)])!;

        var refusal = Assert.ThrowsExactly<System.Reflection.TargetInvocationException>(() =>
            integer.Invoke(null, ["count", MetricsLevel.Full, "A count.", "bucketed"]));
        Assert.IsInstanceOfType<NotSupportedException>(refusal.InnerException);
        StringAssert.Contains(refusal.InnerException.Message, "rebuild it against the current one");
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
            FieldDeclaration.Matching("free", MetricsLevel.Full, "Free text.", @"\A.*\z", 10_000, 100, "none"));
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
