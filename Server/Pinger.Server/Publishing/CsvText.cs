namespace Pinger.Server.Publishing;

/// <summary>RFC 4180 cells: quoted only when needed, so plain values read the same as mirrors-countme's files.</summary>
public static class CsvText
{
    /// <summary>One line of cells, ending with a newline.</summary>
    public static string Line(params string[] cells) => string.Join(',', cells.Select(Cell)) + "\n";

    private static string Cell(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
