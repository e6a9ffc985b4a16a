namespace Pinger.Server.Tests.Infrastructure;

/// <summary>A clock the test sets: window checks and countme weeks then do not depend on the day the tests run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>Friday 2026-11-27 12:00 UTC: day 2026-11-27, week 2026-11-23, month 2026-11-01.</summary>
    public static readonly DateTimeOffset Friday = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
