using Pinger.Plugins.Sdk;

namespace Acme.Probes.Example;

/// <summary>
/// Everything the probe may emit. Pinger leaves the whole probe out of the report if it emits anything else, a field
/// above the level in force, or a value outside these declarations.
/// </summary>
internal static class ExampleFields
{
    public static IReadOnlyList<string> Editions { get; } = ["standard", "enterprise", "other"];

    public static FieldDeclaration Edition { get; } = FieldDeclaration.OneOf(
        "edition", MetricsLevel.Minimal, "The Acme edition installed.", Editions, "one of a fixed list; anything else is \"other\"");

    public static FieldDeclaration Version { get; } = FieldDeclaration.Matching(
        "version", MetricsLevel.Minimal, "The Acme release, major.minor.", @"\A[0-9]{1,3}\.[0-9]{1,3}\z", 7, 100, "major and minor only");

    public static FieldDeclaration Widgets { get; } = FieldDeclaration.Integer(
        "widgets", MetricsLevel.Full, "How many widgets are configured.", Coarsen.CountValues);
}
