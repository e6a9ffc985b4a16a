using Serilog.Events;

namespace Pinger.Host.Logging;

/// <summary>
/// Syslog priorities that Serilog's levels lack. An event carrying the <see cref="PropertyName"/> property is
/// sent to the journal with that priority and named after it on standard error.
/// </summary>
public static class LogPriority
{
    /// <summary>The property that overrides an event's priority.</summary>
    public const string PropertyName = "SyslogPriority";

    /// <summary>"notice": normal but significant.</summary>
    public const int Notice = 5;

    /// <summary>The priority of <paramref name="logEvent"/>: its override, or its level's.</summary>
    public static int Of(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue(PropertyName, out var value) && value is ScalarValue { Value: int priority }
            ? priority
            : JournalSink.Priority(logEvent.Level);

    /// <summary>The word shown on standard error for <paramref name="logEvent"/>.</summary>
    public static string NameOf(LogEvent logEvent) => Of(logEvent) switch
    {
        <= 2 => "critical",
        3 => "error",
        4 => "warning",
        5 => "notice",
        6 => "info",
        _ => "debug",
    };
}
