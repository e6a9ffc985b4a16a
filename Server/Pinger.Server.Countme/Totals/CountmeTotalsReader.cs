using System.Security.Cryptography;

namespace Pinger.Server.Countme;

/// <summary>
/// Reads published countme totals: mirrors-countme's SQLite database (recognised by SQLite's header bytes)
/// or its CSV (plain or gzip). Rows with equal keys are summed. Malformed input gives a
/// <see cref="FormatException"/> naming the file and the line (CSV) or rowid (SQLite).
/// </summary>
public static class CountmeTotalsReader
{
    private static ReadOnlySpan<byte> SqliteMagic => "SQLite format 3\0"u8;

    public static CountmeImport Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (IsSqlite(path))
        {
            var sha256 = Sha256Of(path);
            var (totals, rows) = TotalsSqliteReader.Read(path);
            return new CountmeImport(sha256, totals, rows, rows);
        }
        using var file = HashedFile.Open(path);
        try
        {
            var (totals, rows) = TotalsCsvReader.Read(path, file.Content);
            return new CountmeImport(file.Finish(), totals, rows, rows);
        }
        catch (InvalidDataException e)
        {
            throw new FormatException($"{path}: the gzip data is corrupt or truncated: {e.Message}", e);
        }
    }

    private static bool IsSqlite(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> header = stackalloc byte[16];
        return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.SequenceEqual(SqliteMagic);
    }

    private static string Sha256Of(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
