namespace Pinger.Server.Countme;

/// <summary>The outcome of parsing one line; the key carries no trace of the client address.</summary>
internal readonly record struct AccessLogLine(AccessLogLineKind Kind, CountmeTotalsKey? Key)
{
    public static readonly AccessLogLine NotCounted = new(AccessLogLineKind.NotCounted, null);
    public static readonly AccessLogLine Malformed = new(AccessLogLineKind.Malformed, null);

    public static AccessLogLine Counted(CountmeTotalsKey key) => new(AccessLogLineKind.Counted, key);
}
