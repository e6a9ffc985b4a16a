namespace Pinger.Host.Delivery;

/// <summary>The outcome of sending one report.</summary>
/// <param name="Result">Accepted, refused or deferred.</param>
/// <param name="Answer">The last answer: an HTTP status line or the network error, for logs and history.</param>
/// <param name="Attempts">How many attempts were made.</param>
public sealed record DeliveryOutcome(DeliveryResult Result, string Answer, int Attempts);
