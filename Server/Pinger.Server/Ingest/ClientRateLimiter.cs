using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Pinger.Server.Configuration;

namespace Pinger.Server.Ingest;

/// <summary>
/// Requests per minute per client. The address is used here and only here, as an in-memory partition key that is
/// dropped when idle: it is never logged, counted or stored. An IPv6 client is keyed by its /64, the smallest block a
/// single site is given, so rotating addresses inside it gains nothing. Behind a reverse proxy every connection comes
/// from the proxy, so the limiter can key on the address the proxy appends to X-Forwarded-For; that header is believed
/// only when the connection comes from one of <paramref name="trustedProxies"/>.
/// </summary>
public sealed class ClientRateLimiter(int permitsPerMinute, bool useForwardedFor, TrustedProxies trustedProxies) : IDisposable
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

        using var lease = _limiter.AttemptAcquire(KeyOf(ClientOf(context)));
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose() => _limiter?.Dispose();

    /// <summary>The partition an address falls in: an IPv4 address itself, an IPv6 address's /64.</summary>
    public static IPAddress KeyOf(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }

    private IPAddress ClientOf(HttpContext context)
    {
        var peer = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (!useForwardedFor || !trustedProxies.Contains(peer))
        {
            return peer;
        }

        // Each proxy appends the address it saw, so the list is read from the right; the first entry that is not one
        // of ours is the client. Entries further left are whatever the client chose to send.
        var entries = context.Request.Headers["X-Forwarded-For"].ToString().Split(',');
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(entries[i].Trim(), out var forwarded))
            {
                return peer;
            }

            if (!trustedProxies.Contains(forwarded))
            {
                return forwarded;
            }
        }

        return peer;
    }
}
