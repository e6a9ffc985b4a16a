namespace Pinger.Probes.FullLevel.Tests;

/// <summary>The identifying values of <c>test/fixtures/planted-identifiers.txt</c>.</summary>
internal static class PlantedIdentifiers
{
    public static IReadOnlyList<string> All { get; } = Parse(File.ReadAllText(Path.Combine(Fixtures.Directory, "planted-identifiers.txt")));

    /// <summary>One value a line; lines starting with # are comments; blank lines are skipped.</summary>
    public static IReadOnlyList<string> Parse(string text) =>
        text.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Trim().Length > 0 && !line.StartsWith('#'))
            .ToArray();

    /// <summary>The planted values <paramref name="text"/> contains, compared case-insensitively.</summary>
    public static IEnumerable<string> FoundIn(string text) => All.Where(value => text.Contains(value, StringComparison.OrdinalIgnoreCase));
}
