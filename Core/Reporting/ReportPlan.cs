using Pinger.Protocol.Reports;
using Pinger.Protocol.Windows;

namespace Pinger.Core.Reporting;

/// <summary>
/// The windows, age bucket and nonce of the next report. When windows are due now, they are what
/// <c>pinger run</c> sends now; otherwise the plan describes the report the first run of the next day will send.
/// </summary>
/// <param name="Windows">The windows the report counts for.</param>
/// <param name="Age">The countme age bucket.</param>
/// <param name="Nonce">The pending report's nonce when this is its retry, else a fresh one.</param>
/// <param name="IsDueNow">Whether a report is due now.</param>
public sealed record ReportPlan(IReadOnlyList<CountingWindow> Windows, int Age, string Nonce, bool IsDueNow)
{
    /// <summary>Plans the next report of a machine in <paramref name="state"/> at <paramref name="now"/>.</summary>
    /// <param name="state">What was counted before.</param>
    /// <param name="now">The current time.</param>
    /// <param name="epoch">The system's epoch from /etc/machine-id, when it gives one.</param>
    public static ReportPlan For(PingerState state, DateTimeOffset now, DateTimeOffset? epoch)
    {
        var at = now;
        var due = DueWindows.At(now, state.Counted);
        if (due.Count == 0)
        {
            at = CountingCalendar.Containing(WindowKind.Day, now).Start.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            due = DueWindows.At(at, state.Counted);
        }

        // Without a machine-id epoch, the first week this machine was counted stands for its install date.
        var firstSeen = state.FirstCountedWeek is { } week ? new DateTimeOffset(week.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : at;
        var age = AgeBucket.Compute(epoch ?? firstSeen, at);
        var nonce = state.Pending is { } pending && pending.IsFor(due) ? pending.Nonce : ReportNonce.Create();
        return new ReportPlan(due, age, nonce, at == now);
    }

    /// <summary><paramref name="report"/> with this plan's windows, age and nonce.</summary>
    public Report Apply(Report report) => report with { Windows = Windows, Age = Age, Nonce = Nonce };
}
