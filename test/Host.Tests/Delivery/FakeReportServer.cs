using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pinger.Host.Tests.Delivery;

/// <summary>
/// A real Kestrel server on 127.0.0.1 standing in for the report server: it records every request and every
/// connection, and answers as the test tells it (a status, a Retry-After, a hang, a dropped connection).
/// </summary>
internal sealed class FakeReportServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _connections;

    private FakeReportServer(WebApplication app) => _app = app;

    /// <summary>Every request body received, in order.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>How many TCP connections were accepted.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>
    /// Starts a server whose answer to the n-th request (from 1) is given by <paramref name="answer"/>; its first
    /// <paramref name="dropFirstConnections"/> connections are closed as soon as they are accepted.
    /// </summary>
    public static async Task<FakeReportServer> StartAsync(Func<int, HttpContext, Task> answer, int dropFirstConnections = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        FakeReportServer? server = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen =>
            listen.Use(next => async connection =>
            {
                if (Interlocked.Increment(ref server!._connections) <= dropFirstConnections)
                {
                    // Shut down at once: Kestrel's own abort closes the socket only later, when its loops notice.
                    connection.Features.Get<IConnectionSocketFeature>()?.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Both);
                    connection.Abort();
                    return;
                }

                await next(connection);
            })));
        var app = builder.Build();
        server = new FakeReportServer(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            server.Requests.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path, context.Request.ContentType, context.Request.Headers.UserAgent.ToString(), body.ToArray()));
            await answer(server.Requests.Count, context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address + "/");
        return server;
    }

    /// <summary>Answers every request with <paramref name="status"/>.</summary>
    public static Task<FakeReportServer> AnsweringAsync(int status) =>
        StartAsync((_, context) =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>What the fake server received.</summary>
internal sealed record ReceivedRequest(string Method, string Path, string? ContentType, string UserAgent, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
