using System.Globalization;

namespace Pinger.Protocol.Windows;

/// <summary>One counting window, named by its kind and the UTC date it starts on (a Monday for weeks, the 1st for months).</summary>
public readonly record struct CountingWindow(WindowKind Kind, DateOnly Start)
{
    /// <summary>The kind as written in reports, state files and totals: "day", "week" or "month".</summary>
    public string KindName => NameOf(Kind);

    /// <summary>The start as ISO 8601 text, the way reports carry it and storage keeps it.</summary>
    public string StartText => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The name of <paramref name="kind"/> in reports, state files and totals.</summary>
    public static string NameOf(WindowKind kind) => kind switch
    {
        WindowKind.Day => "day",
        WindowKind.Week => "week",
        _ => "month",
    };

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static WindowKind? ParseKind(string? name) => name switch
    {
        "day" => WindowKind.Day,
        "week" => WindowKind.Week,
        "month" => WindowKind.Month,
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => $"{KindName} {StartText}";
}
