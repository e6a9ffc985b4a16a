using System.Globalization;

namespace Pinger.Host.Machine;

/// <summary>
/// The system clock, unless <c>PINGER_NOW</c> holds an ISO 8601 time: then "now" is that time, for reproducible
/// previews and tests (like SOURCE_DATE_EPOCH for builds). Timers and delays still run in real time.
/// </summary>
public sealed class ClockFromEnvironment : TimeProvider
{
    private readonly DateTimeOffset? _fixedNow;

    /// <summary>Reads <c>PINGER_NOW</c>; throws <see cref="FormatException"/> naming the variable when it is malformed.</summary>
    public ClockFromEnvironment(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var now))
        {
            throw new FormatException($"PINGER_NOW='{value}' is not an ISO 8601 time such as 2026-11-27T12:00:00Z");
        }

        _fixedNow = now;
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _fixedNow ?? base.GetUtcNow();
}
