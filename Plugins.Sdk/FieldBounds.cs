namespace Pinger.Plugins.Sdk;

/// <summary>What bounds a field's values, gathered by the <see cref="FieldDeclaration"/> factories.</summary>
internal sealed record FieldBounds(
    IntegerValues? Values, IReadOnlyList<string>? AllowedValues, string? Pattern, int MaxLength, int MaxItems, int MaxDistinctPerWindow);
