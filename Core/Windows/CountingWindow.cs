namespace Pinger.Core.Windows;

/// <summary>One counting window, named by its kind and the UTC date it starts on.</summary>
public readonly record struct CountingWindow(WindowKind Kind, DateOnly Start)
{
    /// <summary>The kind as written in reports and state files: "day", "week" or "month".</summary>
    public string KindName => NameOf(Kind);

    /// <summary>The name of <paramref name="kind"/> in reports and state files.</summary>
    public static string NameOf(WindowKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static WindowKind? ParseKind(string name) => name switch
    {
        "day" => WindowKind.Day,
        "week" => WindowKind.Week,
        "month" => WindowKind.Month,
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => $"{KindName} {Start:yyyy-MM-dd}";
}
