using System.Globalization;

namespace Pinger.Bench.Harness;

/// <summary>The <c>--name value</c> and <c>--flag</c> arguments of one command.</summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    /// <summary>Reads <paramref name="arguments"/>; a value never starts with "--", so a flag is followed by the next option or nothing.</summary>
    public CommandOptions(IReadOnlyList<string> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal) || argument.Length == 2)
            {
                throw new HarnessException($"unexpected argument '{argument}': options are --name value or --flag");
            }

            var name = argument[2..];
            var hasValue = i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal);
            _values[name] = hasValue ? arguments[++i] : null;
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Text(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public string Text(string name, string fallback) => Text(name) ?? fallback;

    public string Required(string name) =>
        Text(name) is { Length: > 0 } value ? value : throw new HarnessException($"--{name} is required");

    public int Integer(string name, int fallback) => (int)Whole(name, fallback);

    public long Whole(string name, long fallback)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new HarnessException($"--{name} must be a positive whole number, not '{text}'");
    }

    public double Number(string name, double fallback)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new HarnessException($"--{name} must be a positive number, not '{text}'");
    }

    /// <summary>A comma-separated list, empty when the option is missing.</summary>
    public IReadOnlyList<string> List(string name, string fallback = "") =>
        Text(name, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
