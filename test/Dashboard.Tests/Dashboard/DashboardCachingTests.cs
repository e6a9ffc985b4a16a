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
    public async Task The_countme_file_is_sent_gzipped_to_a_client_that_accepts_it_with_its_own_tag()
    {
        await using var server = await DashboardServer.StartAsync(KnownCounts.Write);
        var plain = await server.Client.GetStringAsync("/v1/countme/totals.csv");
        StringAssert.Contains(plain, "Fedora,41");
        using var plainResponse = await server.Client.GetAsync("/v1/countme/totals.csv");

        // HttpClient without automatic decompression sees the bytes as sent.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/countme/totals.csv");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip;q=0.8");
        using var response = await server.Client.SendAsync(request);
        CollectionAssert.AreEqual(new[] { "gzip" }, response.Content.Headers.ContentEncoding.ToArray());
        Assert.IsTrue(response.Headers.Vary.Contains("Accept-Encoding"));
        await using (var gzip = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip))
        {
            Assert.AreEqual(plain, await reader.ReadToEndAsync());
        }

        Assert.AreNotEqual(plainResponse.Headers.ETag, response.Headers.ETag, "the compressed form is another representation");
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/v1/countme/totals.csv");
        revalidate.Headers.AcceptEncoding.ParseAdd("gzip");
        revalidate.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await server.Client.SendAsync(revalidate);
        Assert.AreEqual(HttpStatusCode.NotModified, notModified.StatusCode);

        using var refused = new HttpRequestMessage(HttpMethod.Get, "/v1/countme/totals.csv");
        refused.Headers.AcceptEncoding.ParseAdd("gzip;q=0");
        using var uncompressed = await server.Client.SendAsync(refused);
        Assert.AreEqual(0, uncompressed.Content.Headers.ContentEncoding.Count, "gzip;q=0 refuses gzip");
        Assert.AreEqual(plain, await uncompressed.Content.ReadAsStringAsync());
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
