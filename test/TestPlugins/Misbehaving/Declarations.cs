using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.Misbehaving;

/// <summary>Small descriptors shared by the test probes.</summary>
internal static class Declarations
{
    public static ProbeDescriptor Minimal(string id, int budgetMs = 2000) => new(
        id,
        $"Test probe {id}.",
        MetricsLevel.Minimal,
        enabledByDefault: true,
        TimeSpan.FromMilliseconds(budgetMs),
        [
            FieldDeclaration.OneOf("answer", MetricsLevel.Minimal, "A fixed answer.", ["yes", "no"], "fixed set"),
            FieldDeclaration.Integer("detail", MetricsLevel.Full, "A full-level number.", IntegerValues.Range(0, 100)),
        ]);
}
