using Pinger.Plugins.Sdk;

namespace Pinger.Server.Storage;

/// <summary>One value a report counts for: the field as "probe.field" and the value as text (each list item on its own).</summary>
/// <param name="Field">The field as "probe.field".</param>
/// <param name="Value">The value as text.</param>
/// <param name="MaxDistinctPerWindow">The field's declared cap on distinct values kept per window; beyond it new values are not stored.</param>
public sealed record CountedValue(string Field, string Value, int MaxDistinctPerWindow = FieldDeclaration.MaxDistinctLimit);
