using System.Globalization;
using Pinger.Server.Countme;
using Pinger.Server.Storage;

namespace Pinger.Server.Dashboard;

/// <summary>The names of the breakdowns in URLs and on the page, and the series label a counted row falls under.</summary>
public static class Breakdowns
{
    /// <summary>Every breakdown, in the order the page offers them.</summary>
    public static IReadOnlyList<Breakdown> All { get; } = [Breakdown.Version, Breakdown.Platform, Breakdown.Age];

    /// <summary>The value of the <c>breakdown</c> query parameter.</summary>
    public static string NameOf(Breakdown breakdown) => breakdown switch
    {
        Breakdown.Version => "version",
        Breakdown.Platform => "platform",
        _ => "age",
    };

    /// <summary>The breakdown named <paramref name="name"/>, or null.</summary>
    public static Breakdown? Parse(string name) => All.Select(b => (Breakdown?)b).FirstOrDefault(b => NameOf(b!.Value) == name);

    /// <summary>How the page names it.</summary>
    public static string Title(Breakdown breakdown) => breakdown switch
    {
        Breakdown.Version => "OS version",
        Breakdown.Platform => "platform",
        _ => "age",
    };

    /// <summary>The series a released value of the breakdown's marginal counts for.</summary>
    public static string LabelOf(Breakdown breakdown, string value) => breakdown switch
    {
        Breakdown.Age => AgeLabel(value),
        _ => value.Length > 0 ? value : NotReported,
    };

    /// <summary>The series a countme row counts for; countme rows carry no platform, so that falls back to the version.</summary>
    public static string LabelOf(Breakdown breakdown, CountmeTotalsKey key) =>
        breakdown == Breakdown.Age ? AgeLabel(key.SysAge) : VersionLabel(key.OsName, key.OsVersion);

    /// <summary>Age buckets keep their natural order on the chart; other series go by size.</summary>
    public static int AgeOrder(string label) => Array.IndexOf(AgeLabels, label) is var i and >= 0 ? i : AgeLabels.Length;

    /// <summary>What a missing fact is shown as.</summary>
    public const string NotReported = "not reported";

    // libdnf's wording of countme's buckets (docs/reporting.md).
    private static readonly string[] AgeLabels = ["first week", "first month", "first six months", "more than six months"];

    private static string VersionLabel(string name, string version) => (name, version) switch
    {
        ("", "") => NotReported,
        (_, "") => name,
        ("", _) => version,
        _ => name + " " + version,
    };

    private static string AgeLabel(string sysAge) =>
        int.TryParse(sysAge, NumberStyles.None, CultureInfo.InvariantCulture, out var bucket) && bucket is >= 1 and <= 4
            ? AgeLabels[bucket - 1]
            : sysAge.Length > 0 ? "age bucket " + sysAge : NotReported;
}
