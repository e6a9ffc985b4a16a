using System.Net;
using System.Threading.RateLimiting;

namespace Pinger.Server.Ingest;

/// <summary>
/// Requests per minute per client address. The address is used here and only here, as an in-memory partition key
/// that is dropped when idle: it is never logged, counted or stored.
/// </summary>
public sealed class ClientRateLimiter(int permitsPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress>? _limiter = permitsPerMinute <= 0
        ? null
        : PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetFixedWindowLimiter(
            address, _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>Whether one more request from <paramref name="address"/> is allowed now.</summary>
    public bool TryAcquire(IPAddress? address)
    {
        if (_limiter is null)
        {
            return true;
        }

        using var lease = _limiter.AttemptAcquire(address ?? IPAddress.None);
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose() => _limiter?.Dispose();
}
