using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pinger.Host.Tests.Delivery;

/// <summary>
/// A real forward HTTP proxy on 127.0.0.1: it receives absolute-form requests, records their targets and
/// forwards them, so a test can prove that reports went through it.
/// </summary>
internal sealed class ForwardProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { UseProxy = false });

    private ForwardProxy(WebApplication app) => _app = app;

    /// <summary>The absolute targets of the requests that went through the proxy.</summary>
    public ConcurrentQueue<string> Targets { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static async Task<ForwardProxy> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new ForwardProxy(app);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single();
        proxy.Url = new Uri(address);
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var target = $"http://{context.Request.Host}{context.Request.Path}{context.Request.QueryString}";
        Targets.Enqueue(target);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target) { Content = new ByteArrayContent(body.ToArray()) };
        if (context.Request.ContentType is { } contentType)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await _upstream.SendAsync(request);
        context.Response.StatusCode = (int)response.StatusCode;
        await response.Content.CopyToAsync(context.Response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        _upstream.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
