using System.Globalization;
using Tomlyn;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Pinger.Configuration;

/// <summary>
/// Turns one TOML file into flat, located entries. It works on Tomlyn's syntax tree rather than its object
/// model because every later error must name the line of the key it is about.
/// </summary>
public static class TomlFragmentReader
{
    /// <summary>Parses <paramref name="text"/>, read from <paramref name="file"/>.</summary>
    public static ConfigFragment Read(string file, string text)
    {
        // Tomlyn throws, instead of reporting an unterminated string, when the text ends right after a backslash
        // in a string; a final newline makes it report the error. A position past the text is the last line's.
        var lastLine = text.Count(c => c == '\n') + 1;
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text.EndsWith('\n') ? text : text + "\n", file, validate: true);
        }
        catch (TomlException e)
        {
            // Thrown rather than reported for values nested deeper than Tomlyn's limit (64), without a position:
            // the last line with text is the nearest place to show.
            var where = new SourceLocation(file, e.Line ?? text.TrimEnd().Count(c => c == '\n') + 1, e.Column ?? 1);
            return new ConfigFragment(file, [], [], [new ConfigDiagnostic(DiagnosticSeverity.Error, where, null,
                "TOML syntax error: " + e.Message.Split(". ")[0], "Pinger's settings are single values: no nested arrays or tables")]);
        }

        var errors = document.Diagnostics
            .Where(d => d.Kind == DiagnosticMessageKind.Error)
            .Select(d => new ConfigDiagnostic(
                DiagnosticSeverity.Error,
                Locate(file, d.Span.Start, lastLine),
                null,
                "TOML syntax error: " + d.Message,
                HintFor(d.Message)))
            .ToArray();
        if (errors.Length > 0)
        {
            return new ConfigFragment(file, [], [], errors);
        }

        var entries = new List<ConfigEntry>();
        var tables = new List<ConfigTable>();
        foreach (var keyValue in document.KeyValues)
        {
            Flatten(file, [], keyValue, entries);
        }

        foreach (var table in document.Tables)
        {
            var path = Segments(table.Name!);
            tables.Add(new ConfigTable(path, Locate(file, table.Span.Start), table is TableArraySyntax));
            foreach (var item in table.Items)
            {
                if (item is KeyValueSyntax keyValue)
                {
                    Flatten(file, path, keyValue, entries);
                }
            }
        }

        return new ConfigFragment(file, entries, tables, []);
    }

    // The hint fits the mistake: a key written twice is not a quoting problem.
    private static string HintFor(string message) =>
        message.Contains("already defined", StringComparison.OrdinalIgnoreCase) || message.Contains("duplicate", StringComparison.OrdinalIgnoreCase)
            ? "each key may be set once per file: remove one of the two lines (a later file may override it)"
            : "see https://toml.io for the syntax; strings need double quotes";

    private static void Flatten(string file, IReadOnlyList<string> prefix, KeyValueSyntax keyValue, List<ConfigEntry> entries)
    {
        var path = prefix.Concat(Segments(keyValue.Key!)).ToArray();
        var location = Locate(file, keyValue.Span.Start);
        switch (keyValue.Value)
        {
            case InlineTableSyntax inline:
                foreach (var item in inline.Items)
                {
                    if (item.KeyValue is { } nested)
                    {
                        Flatten(file, path, nested, entries);
                    }
                }

                break;
            case StringValueSyntax s:
                entries.Add(new ConfigEntry(path, ConfigValueKind.String, s.Value ?? string.Empty, location));
                break;
            case BooleanValueSyntax b:
                entries.Add(new ConfigEntry(path, ConfigValueKind.Boolean, b.Value, location));
                break;
            case IntegerValueSyntax i:
                entries.Add(new ConfigEntry(path, ConfigValueKind.Integer, i.Value, location));
                break;
            case FloatValueSyntax f:
                entries.Add(new ConfigEntry(path, ConfigValueKind.Float, f.Value, location));
                break;
            case DateTimeValueSyntax d:
                entries.Add(new ConfigEntry(path, ConfigValueKind.DateTime, d.Value.ToString() ?? string.Empty, location));
                break;
            default:
                entries.Add(new ConfigEntry(path, ConfigValueKind.Array, keyValue.Value?.ToString()?.Trim() ?? string.Empty, location));
                break;
        }
    }

    private static string[] Segments(KeySyntax key) =>
        key.DotKeys.Select(d => Segment(d.Key!)).Prepend(Segment(key.Key!)).ToArray();

    private static string Segment(BareKeyOrStringValueSyntax key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? string.Empty,
        StringValueSyntax quoted => quoted.Value ?? string.Empty,
        _ => key.ToString()?.Trim() ?? string.Empty,
    };

    private static SourceLocation Locate(string file, TextPosition position, int lastLine = int.MaxValue) =>
        position.Line + 1 > lastLine ? new(file, lastLine, 1) : new(file, position.Line + 1, position.Column + 1);

    /// <summary>Culture-independent display of a number, for messages.</summary>
    internal static string Show(long value) => value.ToString(CultureInfo.InvariantCulture);
}
