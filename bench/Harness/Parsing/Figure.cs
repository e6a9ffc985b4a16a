using System.Globalization;

namespace Pinger.Bench.Harness.Parsing;

/// <summary>One headline figure of a bench, for the Performance table: what, how much, its ratio, target and verdict.</summary>
internal sealed record Figure(string Name, string Value, double? Ratio, string Target, bool? Pass)
{
    /// <summary>Tab separated, one line; an unknown ratio or verdict is an empty column.</summary>
    public string ToLine() => string.Join('\t',
        Clean(Name),
        Clean(Value),
        Ratio?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty,
        Clean(Target),
        Pass switch { true => "PASS", false => "FAIL", null => string.Empty });

    public static Figure Parse(string line)
    {
        var parts = line.Split('\t');
        if (parts.Length != 5)
        {
            throw new HarnessException($"a figure line has {parts.Length} columns, not 5: '{line}'");
        }

        double? ratio = parts[2].Length == 0 ? null : double.Parse(parts[2], CultureInfo.InvariantCulture);
        bool? pass = parts[4] switch
        {
            "PASS" => true,
            "FAIL" => false,
            "" => null,
            var other => throw new HarnessException($"a figure's verdict is PASS, FAIL or empty, not '{other}'"),
        };
        return new Figure(parts[0], parts[1], ratio, parts[3], pass);
    }

    public static string Verdict(bool pass) => pass ? "PASS" : "FAIL";

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ');
}
