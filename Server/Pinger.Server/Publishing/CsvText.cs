using System.Text.RegularExpressions;

namespace Pinger.Server.Publishing;

/// <summary>
/// RFC 4180 cells: quoted only when needed, so plain values read the same as mirrors-countme's files. A text cell
/// that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR would be read as a formula by a spreadsheet,
/// so it gets a leading apostrophe (OWASP's advice against CSV injection); a cell that is a plain number (a count,
/// <c>-1</c>, <c>+2.5</c>) is left as it is, so numeric columns stay numeric.
/// </summary>
public static partial class CsvText
{
    /// <summary>One line of cells, ending with a newline.</summary>
    public static string Line(params string[] cells) => string.Join(',', cells.Select(Cell)) + "\n";

    private static string Cell(string cell)
    {
        var safe = StartsLikeFormula(cell) && !PlainNumber().IsMatch(cell) ? "'" + cell : cell;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    private static bool StartsLikeFormula(string cell) => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    [GeneratedRegex(@"\A[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
