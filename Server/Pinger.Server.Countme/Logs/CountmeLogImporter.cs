using System.Runtime.InteropServices;

namespace Pinger.Server.Countme;

/// <summary>
/// Turns a web-server access log (Combined Log Format, plain or gzip, detected by its magic bytes) into
/// countme weekly totals in one streaming pass: memory grows only with the number of distinct totals keys.
/// Only lines with a countme parameter are counted, since we keep no per-address statistics, and the
/// client address is never kept. A non-countme User-Agent means the line is not counted, exactly as
/// mirrors-countme's COUNTME_LOG_RE requires the libdnf/rpm-ostree form.
/// </summary>
public static class CountmeLogImporter
{
    /// <summary>Longer lines are skipped as malformed. Apache caps a request line and a header at 8190
    /// bytes each, so no real line comes near this.</summary>
    public const int MaxLineBytes = 32 * 1024;

    /// <exception cref="FormatException">The gzip data is corrupt or truncated.</exception>
    public static CountmeImport Import(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = HashedFile.Open(path);
        var totals = new Dictionary<CountmeTotalsKey, long>();
        long read = 0, counted = 0, malformed = 0;
        string sha256;
        var lines = new BoundedLineReader(file.Content, MaxLineBytes);
        var parser = new AccessLogLineParser(MaxLineBytes);
        try
        {
            while (lines.TryReadLine(out var line, out var tooLong))
            {
                read++;
                var parsed = tooLong ? AccessLogLine.Malformed : parser.Parse(line);
                switch (parsed.Kind)
                {
                    case AccessLogLineKind.Counted:
                        counted++;
                        CollectionsMarshal.GetValueRefOrAddDefault(totals, parsed.Key!, out _)++;
                        break;
                    case AccessLogLineKind.Malformed:
                        malformed++;
                        break;
                }
            }
            sha256 = file.Finish();
        }
        catch (InvalidDataException e)
        {
            throw new FormatException($"{path}: the gzip data is corrupt or truncated after {read} lines: {e.Message}", e);
        }
        return new CountmeImport(sha256, totals, read, counted) { LinesMalformed = malformed };
    }
}
