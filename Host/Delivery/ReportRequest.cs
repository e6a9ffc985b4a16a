using System.Net.Http.Headers;

namespace Pinger.Host.Delivery;

/// <summary>The HTTP request that carries a report: a JSON POST with a fixed product token and nothing else.</summary>
internal static class ReportRequest
{
    /// <summary>A POST of <paramref name="report"/> (JSON bytes) to <paramref name="url"/>.</summary>
    public static HttpRequestMessage Create(Uri url, byte[] report)
    {
        var content = new ByteArrayContent(report);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };

        // A fixed product token: nothing about this machine or its software versions.
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("pinger", "1"));
        return request;
    }
}
