namespace Pinger.Host.Delivery;

/// <summary>How a report is sent: where, through which proxy, and how long the whole attempt may take.</summary>
/// <param name="Server">The server's base URL; reports go to <c>v1/reports</c> below it.</param>
/// <param name="Budget">The most a run may spend sending, retries and waits included.</param>
/// <param name="Proxy">A proxy from the config; null means the environment's (<c>https_proxy</c>, <c>no_proxy</c>).</param>
public sealed record DeliverySettings(Uri Server, TimeSpan Budget, Uri? Proxy)
{
    /// <summary>The most attempts in one run.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>How long connecting may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one attempt may take, connecting included.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The first wait between attempts; later waits double, each with random jitter.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The URL reports are posted to.</summary>
    public Uri ReportsUrl => new(Server.AbsoluteUri.EndsWith('/') ? Server : new Uri(Server.AbsoluteUri + "/"), "v1/reports");
}
