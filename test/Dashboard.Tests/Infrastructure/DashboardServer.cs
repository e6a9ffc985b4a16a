using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pinger.Server.Configuration;
using Pinger.Server.Hosting;
using Pinger.Server.Storage;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Dashboard.Tests.Infrastructure;

/// <summary>
/// A real pinger-server on Kestrel, on a free loopback port, over a real SQLite file that the test seeds before the
/// server opens it (history older than the windows a report may name can only be written that way). The clock
/// is fixed, so "the current window" is the same whenever the tests run. ε is so large that every share's noise
/// scale is far below one and draws are zero but with negligible probability: the page's figures are the counts, and
/// what is tested here is what the page reads and withholds (the noise itself is tested in Server.Tests).
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory _directory;

    private DashboardServer(WebApplication app, TempDirectory directory)
    {
        _app = app;
        _directory = directory;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>The origin every request of the page must stay on, e.g. "http://127.0.0.1:40123".</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    public HttpClient Client { get; }

    /// <summary>
    /// Seeds the store with <paramref name="seed"/>, then starts a server with threshold <paramref name="minCount"/>
    /// and the field declarations of <paramref name="schemaJson"/> (default: the tests' own small schema).
    /// </summary>
    public static async Task<DashboardServer> StartAsync(Action<ICounterStore>? seed = null, long minCount = KnownCounts.MinCount, string? schemaJson = null)
    {
        var directory = new TempDirectory();
        var schemaDirectory = Path.Combine(directory.Path, "schema.d");
        Directory.CreateDirectory(schemaDirectory);
        await File.WriteAllTextAsync(Path.Combine(schemaDirectory, "10-test.json"), schemaJson ?? TestSchema.Json(TestSchema.Standard)).ConfigureAwait(false);

        var stateDirectory = Path.Combine(directory.Path, "state");
        if (seed is not null)
        {
            using var store = SqliteCounterStore.InDirectory(stateDirectory);
            store.Open();
            seed(store);
        }

        var options = new ServerOptions
        {
            Settings = new ServerSettings { SchemaDirectories = [schemaDirectory], RateLimitPerMinute = 0, MinCount = minCount, Epsilon = 1_000_000m },
            Urls = "http://127.0.0.1:0",
            StateDirectory = stateDirectory,
            Clock = new FixedClock(FixedClock.Friday),
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),
        };
        var app = ServerApplication.Build(options);
        await app.StartAsync().ConfigureAwait(false);
        return new DashboardServer(app, directory);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _directory.Dispose();
    }
}
