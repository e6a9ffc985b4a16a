using System.Runtime.InteropServices;

namespace Pinger.Server.Countme;

/// <summary>
/// Turns a web-server access log (Combined Log Format; plain, gzip or xz, detected by their magic bytes) into
/// countme weekly totals in one streaming pass, with mirrors-countme's rules (see <see cref="AccessLogLineParser"/>
/// and <see cref="CountmeLogReader"/>). The client address is never kept.
/// </summary>
public static class CountmeLogImporter
{
    /// <summary>Longer lines are skipped as malformed. Apache caps a request line and a header at 8190
    /// bytes each, so no real line comes near this.</summary>
    public const int MaxLineBytes = 32 * 1024;

    /// <summary>How far ahead of the clock a hit may be dated: clocks and time zones of log hosts drift a little,
    /// a far-future line is an error.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(1);

    /// <summary>The formats read, for messages and docs.</summary>
    public const string SupportedCompression = LogCompression.Supported;

    /// <summary>Reads one file on its own (duplicates checked within it), all weeks kept.</summary>
    /// <exception cref="FormatException">Unsupported compression, or corrupt or truncated gzip or xz data.</exception>
    public static CountmeImport Import(string path) => new CountmeLogReader(DateTimeOffset.UtcNow + MaxAhead).Read(path);
}
