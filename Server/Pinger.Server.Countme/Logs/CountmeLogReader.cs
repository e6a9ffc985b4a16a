using System.Runtime.InteropServices;

namespace Pinger.Server.Countme;

/// <summary>
/// Reads the access logs of one import, one after the other, with one duplicate check across all of them:
/// a hit identical to one already read (see <see cref="HitFingerprints"/>) is dropped, whichever file it came
/// from, so the same log given plain and compressed, or overlapping rotated logs, count once. Hits dated after
/// <c>latestAccepted</c> are refused, since a far-future line would otherwise make every week before it look
/// complete. Each file's totals are still per file, so each can be recorded as imported on its own.
/// </summary>
public sealed class CountmeLogReader(DateTimeOffset latestAccepted)
{
    private readonly HitFingerprints _seen = new();
    private readonly long _latestAcceptedSeconds = latestAccepted.ToUnixTimeSeconds();

    /// <summary>Reads one file; its hits already read from an earlier file of this import are not counted again.</summary>
    /// <exception cref="FormatException">The file is compressed in a format that is not read, or its gzip or xz
    /// data is corrupt or truncated.</exception>
    public CountmeImport Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        HashedFile opened;
        try
        {
            opened = HashedFile.Open(path);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
        using var file = opened;
        var totals = new Dictionary<CountmeTotalsKey, long>();
        long read = 0, counted = 0, malformed = 0, repeated = 0, ahead = 0;
        long? first = null, last = null;
        string sha256;
        var lines = new BoundedLineReader(file.Content, CountmeLogImporter.MaxLineBytes);
        var parser = new AccessLogLineParser(CountmeLogImporter.MaxLineBytes);
        try
        {
            while (lines.TryReadLine(out var line, out var tooLong))
            {
                read++;
                var parsed = tooLong ? AccessLogLine.Malformed : parser.Parse(line);
                switch (parsed.Kind)
                {
                    case AccessLogLineKind.Counted when parsed.UnixSeconds > _latestAcceptedSeconds:
                        ahead++;
                        break;
                    case AccessLogLineKind.Counted when !_seen.Add(line[..parsed.AddressLength], parsed.UnixSeconds, parsed.Key!):
                        repeated++;
                        break;
                    case AccessLogLineKind.Counted:
                        counted++;
                        first = Math.Min(first ?? long.MaxValue, parsed.UnixSeconds);
                        last = Math.Max(last ?? long.MinValue, parsed.UnixSeconds);
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
            throw new FormatException($"{path}: the {file.CompressionName} data is corrupt or truncated after {read} lines: {e.Message}", e);
        }
        return new CountmeImport(sha256, totals, read, counted)
        {
            LinesMalformed = malformed,
            HitsRepeated = repeated,
            HitsAhead = ahead,
            FirstHitUnixSeconds = first,
            LastHitUnixSeconds = last,
        };
    }
}
