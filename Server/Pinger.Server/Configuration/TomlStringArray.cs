using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Pinger.Server.Configuration;

/// <summary>Core's reader keeps arrays as their TOML text; this turns such text back into strings.</summary>
public static class TomlStringArray
{
    /// <summary>The strings of <paramref name="tomlArray"/>, or null when it is not an array of strings.</summary>
    public static IReadOnlyList<string>? Parse(string tomlArray)
    {
        var document = SyntaxParser.Parse("v = " + tomlArray, "array", validate: true);
        if (document.Diagnostics.Any(d => d.Kind == DiagnosticMessageKind.Error)
            || document.KeyValues.FirstOrDefault()?.Value is not ArraySyntax array)
        {
            return null;
        }

        var values = new List<string>();
        foreach (var item in array.Items)
        {
            if (item.Value is not StringValueSyntax text || text.Value is null)
            {
                return null;
            }

            values.Add(text.Value);
        }

        return values;
    }
}
