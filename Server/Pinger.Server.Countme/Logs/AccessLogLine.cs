namespace Pinger.Server.Countme;

/// <summary>
/// The outcome of parsing one line. A counted line carries its key, its time and the length of its first
/// field, so the importer can recognise a repeated hit by hashing that field in place; the key carries no
/// trace of the client address.
/// </summary>
internal readonly record struct AccessLogLine(AccessLogLineKind Kind, CountmeTotalsKey? Key, long UnixSeconds = 0, int AddressLength = 0)
{
    public static readonly AccessLogLine NotCounted = new(AccessLogLineKind.NotCounted, null);
    public static readonly AccessLogLine Malformed = new(AccessLogLineKind.Malformed, null);

    public static AccessLogLine Counted(CountmeTotalsKey key, long unixSeconds, int addressLength) =>
        new(AccessLogLineKind.Counted, key, unixSeconds, addressLength);
}
