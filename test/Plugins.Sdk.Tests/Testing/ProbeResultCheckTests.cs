using Pinger.Plugins.Sdk.Testing;

namespace Pinger.Plugins.Sdk.Tests.Testing;

[TestClass]
public sealed class ProbeResultCheckTests
{
    private static readonly ProbeDescriptor Descriptor = new(
        "check",
        "A probe to check.",
        MetricsLevel.Minimal,
        enabledByDefault: true,
        TimeSpan.FromSeconds(1),
        [
            FieldDeclaration.OneOf("answer", MetricsLevel.Minimal, "An answer.", ["yes", "no"], "fixed set"),
            FieldDeclaration.Integer("detail", MetricsLevel.Full, "A number.", Coarsen.CountValues),
        ]);

    [TestMethod]
    public void A_result_within_its_declarations_has_no_violation()
    {
        var result = ProbeResult.Collected(new FieldValues().Set("answer", "yes").Set("detail", 5));

        Assert.IsEmpty(ProbeResultCheck.Violations(Descriptor, MetricsLevel.Full, result));
    }

    [TestMethod]
    public void Undeclared_fields_fields_above_the_level_and_values_outside_their_declaration_are_each_named()
    {
        var result = ProbeResult.Collected(new FieldValues().Set("answer", "maybe").Set("detail", 5).Set("hostname", "h"));

        CollectionAssert.AreEqual(
            new[]
            {
                "'answer': value is not in the declared set",
                "'detail' is declared at level Full and must not be emitted at level Minimal",
                "'hostname' is not declared",
            },
            ProbeResultCheck.Violations(Descriptor, MetricsLevel.Minimal, result).ToArray());
    }
}
