using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pinger.Server.Ingest;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Ingest;

[TestClass]
public sealed class ReportsEndpointTests
{
    [TestMethod]
    public async Task A_valid_report_is_answered_204_once_its_counts_are_committed()
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.PostReportAsync(ReportJson.Minimal());

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        var totals = await Totals.AdminAsync(server.Client);
        Assert.AreEqual(1, Totals.Reports(totals, "week"));
        Assert.AreEqual(1, Totals.Cell(totals, "day", "os-versions.version_id", "41"));
        Assert.AreEqual(1, Totals.Cell(totals, "month", "platform.id", "aws"));
    }

    [TestMethod]
    public async Task A_full_report_counts_integers_booleans_and_each_list_item()
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.PostReportAsync(ReportJson.Full());

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        var totals = await Totals.AdminAsync(server.Client, "?window=week");
        Assert.AreEqual(1, Totals.Cell(totals, "week", "hardware.cpus", "4"));
        Assert.AreEqual(1, Totals.Cell(totals, "week", "hardware.tpm", "true"));
        Assert.AreEqual(1, Totals.Cell(totals, "week", "hardware.features", "avx"));
        Assert.AreEqual(1, Totals.Cell(totals, "week", "hardware.features", "aes"));
    }

    [TestMethod]
    [DataRow("{\"schema\": 1,", "not valid JSON")]
    [DataRow("[1, 2]", "must be a JSON object")]
    [DataRow("{\"schema\": 1, \"schema\": 1}", "not valid JSON")]
    public async Task A_body_that_is_not_a_JSON_object_gets_400_problem_details(string body, string expected)
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.PostReportAsync(body);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), expected);
    }

    [TestMethod]
    [DataRow("text/plain")]
    [DataRow("application/json; charset=iso-8859-1")]
    [DataRow("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_UTF8_JSON_gets_415(string contentType)
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.PostReportAsync(ReportJson.Minimal(), contentType);

        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [TestMethod]
    [DataRow("application/json; charset=\"utf-8\"")]
    [DataRow("application/json; charset=UTF-8")]
    public async Task A_quoted_or_upper_case_UTF8_charset_is_accepted(string contentType)
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.PostReportAsync(ReportJson.Minimal(), contentType);

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
    }

    [TestMethod]
    [DataRow("gzip")]
    [DataRow("deflate, identity")]
    [DataRow("br")]
    public async Task A_body_with_a_content_coding_gets_415_naming_identity_and_is_not_counted(string coding)
    {
        await using var server = await TestServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/reports") { Content = new StringContent(ReportJson.Minimal(), Encoding.UTF8, "application/json") };
        request.Content.Headers.TryAddWithoutValidation("Content-Encoding", coding);

        using var response = await server.Client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.AreEqual("identity", string.Join(",", response.Headers.GetValues("Accept-Encoding")));
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "without a Content-Encoding");
        Assert.AreEqual(0, Totals.Reports(await Totals.AdminAsync(server.Client), "week"));
    }

    [TestMethod]
    public async Task An_identity_content_coding_is_read_as_no_coding()
    {
        await using var server = await TestServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/reports") { Content = new StringContent(ReportJson.Minimal(), Encoding.UTF8, "application/json") };
        request.Content.Headers.TryAddWithoutValidation("Content-Encoding", "identity");

        using var response = await server.Client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
    }

    [TestMethod]
    [DataRow("\"level\"", "\"\\ud800\"")]
    [DataRow("\"minimal\"", "\"\\udc00x\"")]
    [DataRow("\"aws\"", "[\"\\ud800\"]")]
    [DataRow("\"platform\"", "\"\\ud83d\"")]
    public async Task A_string_or_member_name_escaping_a_lone_surrogate_gets_400_not_500(string replaced, string by)
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.PostReportAsync(ReportJson.Minimal().Replace(replaced, by, StringComparison.Ordinal));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "(body): a string escapes a lone UTF-16 surrogate");
    }

    [TestMethod]
    public async Task An_escaped_surrogate_pair_is_read_as_its_character()
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.PostReportAsync(ReportJson.Minimal().Replace("\"aws\"", "\"\\ud83d\\ude00\"", StringComparison.Ordinal));

        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "probes.platform.id");
    }

    [TestMethod]
    public async Task A_declared_length_above_the_limit_gets_413_without_reading_the_body()
    {
        await using var server = await TestServer.StartAsync();
        using var tcp = await ConnectAsync(server);
        var stream = tcp.GetStream();

        await SendAsync(stream, "POST /v1/reports HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{");

        StringAssert.StartsWith(await ReadStatusLineAsync(stream), "HTTP/1.1 413");
    }

    [TestMethod]
    public async Task A_streamed_body_above_the_limit_gets_413_before_the_client_has_sent_it_all()
    {
        await using var server = await TestServer.StartAsync(s => s with { MaxBodyBytes = 4096 });
        using var tcp = await ConnectAsync(server);
        var stream = tcp.GetStream();
        await SendAsync(stream, "POST /v1/reports HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");

        // 5 KiB in chunks, then nothing more: the body never ends, so an answer proves the limit was applied while reading.
        var chunk = new string(' ', 1024);
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(stream, $"400\r\n{chunk}\r\n");
        }

        StringAssert.StartsWith(await ReadStatusLineAsync(stream), "HTTP/1.1 413");
    }

    [TestMethod]
    [DataRow("ffffffffffffffffffff\r\n{}\r\n0\r\n\r\n", "a chunk size that overflows")]
    [DataRow("zz\r\n{}\r\n0\r\n\r\n", "a chunk size that is not hex")]
    [DataRow("2\r\n{}XX0\r\n\r\n", "a chunk without its line end")]
    public async Task A_broken_chunked_body_gets_400_and_logs_no_error(string chunks, string what)
    {
        await using var server = await TestServer.StartAsync();
        using var tcp = await ConnectAsync(server);
        var stream = tcp.GetStream();

        await SendAsync(stream, "POST /v1/reports HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks);

        StringAssert.StartsWith(await ReadStatusLineAsync(stream), "HTTP/1.1 400", what);
        Assert.IsFalse(server.Logs.Lines.Any(l => l.Contains("unhandled", StringComparison.OrdinalIgnoreCase)), string.Join('\n', server.Logs.Lines));
    }

    [TestMethod]
    public async Task A_body_exactly_at_the_limit_is_read()
    {
        var body = ReportJson.Minimal();
        await using var server = await TestServer.StartAsync(s => s with { MaxBodyBytes = Encoding.UTF8.GetByteCount(body) });

        using var response = await server.PostReportAsync(body);

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
    }

    [TestMethod]
    public async Task Requests_beyond_the_rate_limit_get_429_with_Retry_After()
    {
        await using var server = await TestServer.StartAsync(s => s with { RateLimitPerMinute = 3 });
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await server.PostReportAsync(ReportJson.Minimal());
            Assert.AreEqual(HttpStatusCode.NoContent, accepted.StatusCode);
        }

        using var response = await server.PostReportAsync(ReportJson.Minimal());

        Assert.AreEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.AreEqual(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
        Assert.AreEqual(3, Totals.Reports(await Totals.AdminAsync(server.Client), "week"));
    }

    [TestMethod]
    public async Task Behind_a_proxy_the_rate_limit_applies_per_forwarded_address()
    {
        await using var server = await TestServer.StartAsync(s => s with { RateLimitPerMinute = 2, RateLimitByForwardedFor = true, TrustedProxies = ["127.0.0.1"] });

        async Task<HttpStatusCode> PostFrom(string forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/reports") { Content = new StringContent(ReportJson.Minimal(), Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
            using var response = await server.Client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.AreEqual(HttpStatusCode.NoContent, await PostFrom("192.0.2.1"));
        Assert.AreEqual(HttpStatusCode.NoContent, await PostFrom("198.51.100.7, 192.0.2.1"));
        Assert.AreEqual(HttpStatusCode.TooManyRequests, await PostFrom("192.0.2.1"), "the proxy's entry is the last one; earlier ones are the client's own");
        Assert.AreEqual(HttpStatusCode.NoContent, await PostFrom("192.0.2.2"));
    }

    [TestMethod]
    public async Task Behind_a_proxy_IPv6_clients_rotating_inside_one_64_share_one_limit_and_another_64_has_its_own()
    {
        await using var server = await TestServer.StartAsync(s => s with { RateLimitPerMinute = 2, RateLimitByForwardedFor = true, TrustedProxies = ["127.0.0.1"] });

        async Task<HttpStatusCode> PostFrom(string forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/reports") { Content = new StringContent(ReportJson.Minimal(), Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
            using var response = await server.Client.SendAsync(request);
            return response.StatusCode;
        }

        // A fresh interface identifier every time, as privacy extensions (or an attacker) would choose.
        Assert.AreEqual(HttpStatusCode.NoContent, await PostFrom("2001:db8:1:2::1"));
        Assert.AreEqual(HttpStatusCode.NoContent, await PostFrom("2001:db8:1:2:8a3f:12ff:fe00:7"));
        Assert.AreEqual(HttpStatusCode.TooManyRequests, await PostFrom("2001:db8:1:2:ffff:ffff:ffff:fffe"), "a third address of the same /64 is the same client");
        Assert.AreEqual(HttpStatusCode.NoContent, await PostFrom("2001:db8:1:3::1"), "the neighbouring /64 is another site");
        Assert.AreEqual(3, Totals.Reports(await Totals.AdminAsync(server.Client), "week"));
    }

    [TestMethod]
    public async Task X_Forwarded_For_from_a_peer_that_is_not_a_trusted_proxy_is_ignored()
    {
        await using var server = await TestServer.StartAsync(s => s with { RateLimitPerMinute = 2, RateLimitByForwardedFor = true, TrustedProxies = ["192.0.2.0/24"] });

        async Task<HttpStatusCode> PostFrom(string forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/reports") { Content = new StringContent(ReportJson.Minimal(), Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
            using var response = await server.Client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.AreEqual(HttpStatusCode.NoContent, await PostFrom("198.51.100.1"));
        Assert.AreEqual(HttpStatusCode.NoContent, await PostFrom("198.51.100.2"));
        Assert.AreEqual(HttpStatusCode.TooManyRequests, await PostFrom("198.51.100.3"), "a rotated header from 127.0.0.1, not a trusted proxy, gains nothing");
    }

    [TestMethod]
    public async Task A_full_queue_gets_503_with_Retry_After_and_the_queued_reports_are_still_counted()
    {
        GatedStore? gated = null;
        await using var server = await TestServer.StartAsync(s => s with { QueueCapacity = 1 }, store => gated = new GatedStore(store));
        gated!.Hold();
        var first = server.PostReportAsync(ReportJson.Minimal());
        Assert.IsTrue(await gated.CommitEntered.WaitAsync(TimeSpan.FromSeconds(30)), "the first report reached the store");
        var queue = server.Services.GetRequiredService<IngestQueue>();
        var second = server.PostReportAsync(ReportJson.Minimal());
        // The writer is held inside the first commit and reads nothing: the queue becomes readable when the second
        // report is in it (the minute is a hang guard).
        Assert.IsTrue(await queue.Reader.WaitToReadAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.AreEqual(1, queue.Depth);

        using var refused = await server.PostReportAsync(ReportJson.Minimal());
        gated.Release();

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.IsNotNull(refused.Headers.RetryAfter?.Delta);
        Assert.AreEqual(HttpStatusCode.NoContent, (await first).StatusCode);
        Assert.AreEqual(HttpStatusCode.NoContent, (await second).StatusCode);
        Assert.AreEqual(2, Totals.Reports(await Totals.AdminAsync(server.Client), "week"));
    }

    [TestMethod]
    public async Task Failing_storage_gets_503_with_Retry_After_and_counts_nothing()
    {
        GatedStore? gated = null;
        await using var server = await TestServer.StartAsync(store: store => gated = new GatedStore(store));
        gated!.Failing = true;

        using var response = await server.PostReportAsync(ReportJson.Minimal());
        using var ready = await server.Client.GetAsync("/readyz");
        using var totals = await server.Client.GetAsync("/v1/totals");
        gated.Failing = false;

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.AreEqual(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, totals.StatusCode);
        Assert.AreEqual(0, Totals.Reports(await Totals.AdminAsync(server.Client), "week"));
    }

    [TestMethod]
    public async Task Other_methods_on_the_reports_endpoint_get_405()
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.Client.GetAsync("/v1/reports");

        Assert.AreEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static async Task<TcpClient> ConnectAsync(TestServer server)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.BaseAddress.Port);
        tcp.ReceiveTimeout = 30_000;
        return tcp;
    }

    private static Task SendAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    private static async Task<string> ReadStatusLineAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer, timeout.Token);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
