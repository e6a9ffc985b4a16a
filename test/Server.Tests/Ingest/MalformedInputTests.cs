using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Ingest;

[TestClass]
public sealed class MalformedInputTests
{
    [TestMethod]
    public async Task Mangled_reports_never_get_a_5xx_and_never_stop_the_server()
    {
        await using var server = await TestServer.StartAsync();
        var valid = Encoding.UTF8.GetBytes(ReportJson.Full());
        var random = new Random(20261127);
        var statuses = new HashSet<HttpStatusCode>();
        for (var i = 0; i < 1000; i++)
        {
            var body = (byte[])valid.Clone();
            switch (i % 3)
            {
                case 0:
                    body = body[..random.Next(body.Length)];
                    break;
                case 1:
                    for (var flips = random.Next(1, 4); flips > 0; flips--)
                    {
                        body[random.Next(body.Length)] = (byte)random.Next(256);
                    }

                    break;
                default:
                    var at = random.Next(body.Length);
                    body = [.. body[..at], .. Encoding.UTF8.GetBytes("[{\"\\u0000\": -1e999, \"x\": [[[[[[[[[]]]]]]]]]}]"), .. body[at..]];
                    break;
            }

            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await server.Client.PostAsync("/v1/reports", content);
            statuses.Add(response.StatusCode);
            Assert.IsTrue((int)response.StatusCode < 500, $"body {i} got {(int)response.StatusCode}: {Convert.ToBase64String(body)}");
        }

        using var health = await server.Client.GetAsync("/healthz");
        Assert.AreEqual(HttpStatusCode.OK, health.StatusCode);
        Assert.IsTrue(statuses.Contains(HttpStatusCode.BadRequest) && statuses.Contains(HttpStatusCode.UnprocessableEntity), string.Join(", ", statuses));
    }

    [TestMethod]
    public async Task Mangled_countme_and_totals_requests_never_get_a_5xx()
    {
        await using var server = await TestServer.StartAsync();
        var random = new Random(41);
        const string Alphabet = "abcz019=&%+;?/.-_ ()";
        string Noise(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => random.Next(4) == 0
            ? "%" + random.Next(256).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)
            : Alphabet[random.Next(Alphabet.Length)].ToString()));
        for (var i = 0; i < 300; i++)
        {
            var path = (i % 3) switch
            {
                0 => "/metalink?repo=" + Noise(8) + "&countme=" + Noise(3) + "&arch=" + Noise(5),
                1 => "/mirrorlist?" + Noise(20),
                _ => "/v1/totals?window=" + Noise(4) + "&from=" + Noise(10) + "&field=" + Noise(6),
            };
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("User-Agent", "libdnf (" + Noise(12) + "; " + Noise(4) + "; Linux." + Noise(3) + ")");
            using var response = await server.Client.SendAsync(request);
            Assert.IsTrue((int)response.StatusCode < 500, $"{path} got {(int)response.StatusCode}");
        }
    }
}
