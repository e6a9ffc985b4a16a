namespace Pinger.Server.Storage;

/// <summary>One value a report counts for: the field as "probe.field" and the value as text (each list item on its own).</summary>
public sealed record CountedValue(string Field, string Value);
