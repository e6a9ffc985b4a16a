using System.Net;
using Microsoft.AspNetCore.Http;
using Pinger.Server.Configuration;
using Pinger.Server.Ingest;

namespace Pinger.Server.Tests.Ingest;

[TestClass]
public sealed class ClientRateLimiterTests
{
    [TestMethod]
    public void An_IPv6_client_is_keyed_by_its_64_and_an_IPv4_client_by_its_address()
    {
        Assert.AreEqual(IPAddress.Parse("2001:db8:1:2::"), ClientRateLimiter.KeyOf(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
        Assert.AreEqual(ClientRateLimiter.KeyOf(IPAddress.Parse("2001:db8:1:2::1")), ClientRateLimiter.KeyOf(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.AreNotEqual(ClientRateLimiter.KeyOf(IPAddress.Parse("2001:db8:1:2::1")), ClientRateLimiter.KeyOf(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.AreEqual(IPAddress.Parse("192.0.2.7"), ClientRateLimiter.KeyOf(IPAddress.Parse("::ffff:192.0.2.7")));
    }

    [TestMethod]
    public void Rotating_addresses_inside_one_64_shares_one_limit()
    {
        using var limiter = new ClientRateLimiter(3, useForwardedFor: false, TrustedProxies.None);

        var allowed = Enumerable.Range(1, 10).Count(i => limiter.TryAcquire(From($"2001:db8:5:6::{i:x}")));

        Assert.AreEqual(3, allowed);
        Assert.IsTrue(limiter.TryAcquire(From("2001:db8:5:7::1")), "the next /64 has a limit of its own");
    }

    [TestMethod]
    public void Behind_a_chain_of_trusted_proxies_the_client_is_the_last_untrusted_entry()
    {
        using var limiter = new ClientRateLimiter(1, useForwardedFor: true, new TrustedProxies(["10.0.0.0/8", "fd00::1"]));

        Assert.IsTrue(limiter.TryAcquire(From("10.1.1.1", "203.0.113.9, 198.51.100.4, 10.2.2.2")));
        Assert.IsFalse(limiter.TryAcquire(From("fd00::1", "198.51.100.4")), "the same client through the other proxy");
        Assert.IsTrue(limiter.TryAcquire(From("10.1.1.1", "198.51.100.4, 203.0.113.9")), "the entry the client wrote itself does not count");
        Assert.IsTrue(limiter.TryAcquire(From("192.0.2.1", "198.51.100.77")));
        Assert.IsFalse(limiter.TryAcquire(From("192.0.2.1", "198.51.100.78")), "an untrusted peer is keyed by itself, whatever it forwards");
    }

    [TestMethod]
    [DataRow("10.0.0.5", true)]
    [DataRow("10.0.0.0/24", true)]
    [DataRow("fd00::/64", true)]
    [DataRow("10.0.0.0/33", false)]
    [DataRow("proxy.example", false)]
    public void Trusted_proxies_are_addresses_or_networks(string text, bool valid)
    {
        Assert.AreEqual(valid, TrustedProxies.IsValid(text, out var problem));
        Assert.AreEqual(valid, problem is null);
    }

    private static DefaultHttpContext From(string peer, string? forwardedFor = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        return context;
    }
}
