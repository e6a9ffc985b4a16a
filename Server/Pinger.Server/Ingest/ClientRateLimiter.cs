using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Pinger.Protocol.Windows;

namespace Pinger.Server.Ingest;

/// <summary>
/// Requests per minute per client address. The address is used here and only here, as an in-memory partition key
/// that is dropped when idle: it is never logged, counted or stored. Behind a reverse proxy every connection comes
/// from the proxy, so the limiter can be told to key on the address the proxy appends to X-Forwarded-For.
/// </summary>
public sealed class ClientRateLimiter(int permitsPerMinute, bool useForwardedFor) : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress>? _limiter = permitsPerMinute <= 0
        ? null
        : PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetFixedWindowLimiter(
            address, _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>Whether one more request from the client of <paramref name="context"/> is allowed now.</summary>
    public bool TryAcquire(HttpContext context)
    {
        if (_limiter is null)
        {
            return true;
        }

        using var lease = _limiter.AttemptAcquire(ClientOf(context));
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose() => _limiter?.Dispose();

    private IPAddress ClientOf(HttpContext context)
    {
        // The proxy appends the address it saw last: earlier entries are whatever the client chose to send.
        if (useForwardedFor
            && context.Request.Headers["X-Forwarded-For"].ToString().Split(',').LastOrDefault()?.Trim() is { Length: > 0 } last
            && IPAddress.TryParse(last, out var forwarded))
        {
            return forwarded;
        }

        return context.Connection.RemoteIpAddress ?? IPAddress.None;
    }
}
