using Pinger.Server.Countme;

namespace Pinger.Server.Dashboard;

/// <summary>The names of the breakdowns in URLs and on the page, the release each reads, and the series label a counted row falls under.</summary>
public static class Breakdowns
{
    /// <summary>Every breakdown, in the order the page offers them.</summary>
    public static IReadOnlyList<Breakdown> All { get; } = [Breakdown.Version, Breakdown.Variant, Breakdown.Stream, Breakdown.Platform, Breakdown.Age];

    /// <summary>The value of the <c>breakdown</c> query parameter.</summary>
    public static string NameOf(Breakdown breakdown) => breakdown switch
    {
        Breakdown.Version => "version",
        Breakdown.Variant => "variant",
        Breakdown.Stream => "stream",
        Breakdown.Platform => "platform",
        _ => "age",
    };

    /// <summary>The breakdown named <paramref name="name"/>, or null.</summary>
    public static Breakdown? Parse(string name) => All.Select(b => (Breakdown?)b).FirstOrDefault(b => NameOf(b!.Value) == name);

    /// <summary>How the page names it.</summary>
    public static string Title(Breakdown breakdown) => breakdown switch
    {
        Breakdown.Version => "release",
        Breakdown.Variant => "edition",
        Breakdown.Stream => "update stream",
        Breakdown.Platform => "platform",
        _ => "age",
    };

    /// <summary>The released marginal a breakdown's bars stack.</summary>
    public static string FieldOf(Breakdown breakdown) => breakdown switch
    {
        Breakdown.Version => ReportFields.VersionId,
        Breakdown.Variant => ReportFields.Variant,
        Breakdown.Stream => ReportFields.Stream,
        Breakdown.Platform => ReportFields.Platform,
        _ => ReportFields.Age,
    };

    /// <summary>What the countme chart stacks by for <paramref name="breakdown"/>: countme rows carry no platform nor stream.</summary>
    public static Breakdown CountmeBreakdown(Breakdown breakdown) =>
        breakdown is Breakdown.Age or Breakdown.Variant ? breakdown : Breakdown.Version;

    /// <summary>The series a released value of the breakdown's marginal counts for (see <see cref="ValueLabels.Of"/>).</summary>
    public static string LabelOf(Breakdown breakdown, string value, string? osId) => ValueLabels.Of(FieldOf(breakdown), value, osId);

    /// <summary>The series a countme row counts for, under <see cref="CountmeBreakdown"/>.</summary>
    public static string LabelOf(Breakdown breakdown, CountmeTotalsKey key) => CountmeBreakdown(breakdown) switch
    {
        Breakdown.Age => ValueLabels.Of(ReportFields.Age, key.SysAge),
        Breakdown.Variant => ValueLabels.CountmeVariant(key.OsName, key.OsVariant),
        _ => ValueLabels.CountmeRelease(key.OsName, key.OsVersion),
    };
}
