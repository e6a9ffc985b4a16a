namespace Pinger.Server.Countme.Tests;

/// <summary>Combined Log Format lines as Fedora's proxies write them, with every part replaceable. Each line
/// comes from an address of its own unless one is given, so that lines are not taken for repeated hits.</summary>
internal static class LogLine
{
    private static int _next;

    public const string Address = "203.0.113.77";
    public const string Fedora33 = "libdnf (Fedora 33; workstation; Linux.x86_64)";
    public const string CountmeQuery = "repo=fedora-33&arch=x86_64&countme=1";

    /// <summary>Tuesday 2020-02-11, in week 2614 (Monday 2020-02-10).</summary>
    public const string Week2614 = "11/Feb/2020:10:00:00 +0000";

    public static string Of(
        string request = "GET /metalink?" + CountmeQuery + " HTTP/1.1",
        string status = "200",
        string agent = Fedora33,
        string time = Week2614,
        string bytes = "18336",
        string referrer = "-",
        string? address = null) =>
        $"{address ?? NextAddress()} - - [{time}] \"{request}\" {status} {bytes} \"{referrer}\" \"{agent}\"";

    /// <summary>A fresh address in 2001:db8::/32, the documentation prefix.</summary>
    public static string NextAddress() => "2001:db8::" + Interlocked.Increment(ref _next).ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    public static string Get(string target, string agent = Fedora33, string status = "200", string time = Week2614, string? address = null) =>
        Of(request: $"GET {target} HTTP/1.1", agent: agent, status: status, time: time, address: address);
}
