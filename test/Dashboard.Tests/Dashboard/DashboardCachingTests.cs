using System.Net;
using Pinger.Dashboard.Tests.Infrastructure;

namespace Pinger.Dashboard.Tests.Dashboard;

/// <summary>Public views are rendered once and revalidated with their ETag: a 304 carries no body.</summary>
[TestClass]
public sealed class DashboardCachingTests
{
    [TestMethod]
    [DataRow("/")]
    [DataRow("/?window=month&breakdown=platform")]
    [DataRow("/v1/countme/totals.csv")]
    public async Task A_public_view_has_an_ETag_and_a_matching_revalidation_gets_304(string path)
    {
        await using var server = await DashboardServer.StartAsync(KnownCounts.Write);
        using var first = await server.Client.GetAsync(path);
        Assert.AreEqual(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.IsNotNull(etag, path);
        var body = await first.Content.ReadAsStringAsync();

        using var again = await server.Client.GetAsync(path);
        Assert.AreEqual(etag, again.Headers.ETag, "the same view has the same tag");
        Assert.AreEqual(body, await again.Content.ReadAsStringAsync());

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
        revalidate.Headers.IfNoneMatch.Add(etag);
        using var notModified = await server.Client.SendAsync(revalidate);
        Assert.AreEqual(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.AreEqual(0, (await notModified.Content.ReadAsByteArrayAsync()).Length);

        using var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0000\""));
        using var full = await server.Client.SendAsync(stale);
        Assert.AreEqual(HttpStatusCode.OK, full.StatusCode, "another tag gets the body");
    }

    [TestMethod]
    public async Task Different_views_have_different_tags()
    {
        await using var server = await DashboardServer.StartAsync(KnownCounts.Write);
        using var byVersion = await server.Client.GetAsync("/?breakdown=version");
        using var byAge = await server.Client.GetAsync("/?breakdown=age");
        Assert.AreNotEqual(byVersion.Headers.ETag, byAge.Headers.ETag);
    }
}
