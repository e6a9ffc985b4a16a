namespace Pinger.Configuration;

/// <summary>A table header written in a config file (<c>[reporting]</c>), kept so that an empty misspelt section is still reported.</summary>
/// <param name="Path">The header's key segments.</param>
/// <param name="Location">Where it was written.</param>
/// <param name="IsArray">True for <c>[[name]]</c>, which Pinger never uses.</param>
public sealed record ConfigTable(IReadOnlyList<string> Path, SourceLocation Location, bool IsArray);
