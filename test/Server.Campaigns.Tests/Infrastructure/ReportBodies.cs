using System.Globalization;
using System.Security.Cryptography;

namespace Pinger.Server.Campaigns.Tests.Infrastructure;

/// <summary>
/// Valid report bodies for the server's real clock: the current day, week (Monday) and month in UTC. A body depends
/// on its nonce only, so a retry sends exactly what was sent first.
/// </summary>
internal static class ReportBodies
{
    public static string NewNonce() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// A minimal report; with <paramref name="distinct"/>, its os-versions.version is made of the nonce, so every report
    /// adds a counter row. <paramref name="day"/> names another day window than today (yesterday's is still accepted,
    /// and has ended, so its release is public).
    /// </summary>
    public static string Valid(string nonce, bool distinct = false, string versionId = "41", string platform = "aws", string? day = null)
    {
        var version = distinct ? "41.n" + nonce : versionId + ".20241109.3.0";
        var (today, week, month) = Windows();
        day ??= today;
        return "{\"age\":3,\"level\":\"minimal\",\"nonce\":\"" + nonce + "\",\"probes\":{\"os-versions\":{\"machine\":\"x86_64\",\"id\":\"fedora\","
            + "\"variant_id\":\"coreos\",\"version\":\"" + version + "\",\"version_id\":\"" + versionId + "\"},"
            + "\"platform\":{\"id\":\"" + platform + "\",\"source\":\"ignition\"}},\"schema\":1,"
            + "\"windows\":{\"day\":\"" + day + "\",\"month\":\"" + month + "\",\"week\":\"" + week + "\"}}";
    }

    /// <summary>Today's windows in UTC, as the server's clock sees them.</summary>
    public static (string Day, string Week, string Month) Windows()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return (Text(today), Text(monday), Text(new DateOnly(today.Year, today.Month, 1)));
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
