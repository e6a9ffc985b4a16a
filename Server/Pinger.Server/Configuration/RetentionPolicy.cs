using Pinger.Protocol.Windows;

namespace Pinger.Server.Configuration;

/// <summary>
/// How long the counters of each window kind are kept: a window whose start is older than its kind's age is deleted
/// whole by the server's retention pass (at start and once a minute). Together with the per-field caps this bounds
/// storage by the declared value space.
/// </summary>
/// <param name="Day">How long day windows are kept (default 90 days).</param>
/// <param name="Week">How long week windows are kept (default 1096 days, three years).</param>
/// <param name="Month">How long month windows are kept (default 3653 days, ten years).</param>
public sealed record RetentionPolicy(TimeSpan Day, TimeSpan Week, TimeSpan Month)
{
    /// <summary>The documented defaults.</summary>
    public static RetentionPolicy Default { get; } = new(TimeSpan.FromDays(90), TimeSpan.FromDays(1096), TimeSpan.FromDays(3653));

    /// <summary>How long windows of <paramref name="kind"/> are kept.</summary>
    public TimeSpan For(WindowKind kind) => kind switch
    {
        WindowKind.Day => Day,
        WindowKind.Week => Week,
        _ => Month,
    };

    /// <summary>Per kind, the oldest window start kept at <paramref name="now"/>: older windows are deleted.</summary>
    public IReadOnlyDictionary<WindowKind, DateOnly> OldestKept(DateTimeOffset now) =>
        CountingCalendar.Kinds.ToDictionary(kind => kind, kind => DateOnly.FromDateTime(now.UtcDateTime - For(kind)));
}
