namespace Pinger.Host.Delivery;

/// <summary>The outcome of sending one report.</summary>
/// <param name="Result">Accepted, refused or deferred.</param>
/// <param name="Answer">The last answer: an HTTP status line or the network error, for logs and history.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="Waited">The time spent waiting between attempts (backoff and Retry-After), as the sender slept it.</param>
/// <param name="Reason">For a refusal, the reason the server gave (see <see cref="RefusalReason"/>), or null.</param>
public sealed record DeliveryOutcome(DeliveryResult Result, string Answer, int Attempts, TimeSpan Waited, string? Reason = null)
{
    /// <summary>For an accepted report, the probes the server counted it without because it has no schema for them.</summary>
    public IReadOnlyList<string> IgnoredProbes { get; init; } = [];
}
