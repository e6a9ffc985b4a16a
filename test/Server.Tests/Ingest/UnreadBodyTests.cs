using System.Net;
using System.Text;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Ingest;

/// <summary>
/// Refusals that leave a body above the limit unread close the connection, so a client does not send its next
/// request on a connection the server is about to drop. Found by the property tests (test/Properties.Tests): the
/// request after such a 415 failed with "the response ended prematurely".
/// </summary>
[TestClass]
public sealed class UnreadBodyTests
{
    [TestMethod]
    [DataRow("text/plain", null)]
    [DataRow("application/json", "gzip")]
    public async Task A_refusal_that_leaves_a_large_body_unread_closes_the_connection_and_the_next_report_is_counted(string contentType, string? encoding)
    {
        await using var server = await TestServer.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            using var large = new ByteArrayContent(new byte[server.Settings.MaxBodyBytes + 500]);
            large.Headers.TryAddWithoutValidation("Content-Type", contentType);
            if (encoding is not null)
            {
                large.Headers.ContentEncoding.Add(encoding);
            }

            using var refused = await server.Client.PostAsync("/v1/reports", large);
            Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
            Assert.IsTrue(refused.Headers.ConnectionClose, "the connection is not reused");

            using var next = await server.PostReportAsync(ReportJson.Minimal());
            Assert.AreEqual(HttpStatusCode.NoContent, next.StatusCode);
        }
    }

    [TestMethod]
    public async Task A_refusal_of_a_small_body_keeps_the_connection()
    {
        await using var server = await TestServer.StartAsync();

        using var refused = await server.Client.PostAsync("/v1/reports", new StringContent("{}", Encoding.UTF8, "text/plain"));

        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.IsFalse(refused.Headers.ConnectionClose ?? false);
    }
}
