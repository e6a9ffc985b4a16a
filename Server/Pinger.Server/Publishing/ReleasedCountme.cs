using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>Weekly countme totals as a release rule lets them be shown.</summary>
/// <param name="Rows">The rows, by week.</param>
/// <param name="ProvisionalWeek">The current, still open week when it was asked for and included; null otherwise.</param>
public sealed record ReleasedCountme(IReadOnlyList<CountmeTotal> Rows, DateOnly? ProvisionalWeek);
