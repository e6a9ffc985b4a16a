using Pinger.Plugins.Sdk;

namespace Pinger.Server.Storage;

/// <summary>One value a report counts for: the field as "probe.field" and the value as text (each list item on its own).</summary>
/// <param name="Field">The field as "probe.field".</param>
/// <param name="Value">The value as text.</param>
/// <param name="MaxDistinctPerWindow">
/// The field's declared cap on distinct values kept per window; beyond it new values are not stored. <see cref="ClosedSet"/>
/// for a field whose declaration lists every value it may take, no more than its cap: its rows are bounded already.
/// </param>
public sealed record CountedValue(string Field, string Value, int MaxDistinctPerWindow = FieldDeclaration.MaxDistinctLimit)
{
    /// <summary>The cap of a field whose declared value set is no larger than its cap: storage need not check it.</summary>
    public const int ClosedSet = int.MaxValue;
}
