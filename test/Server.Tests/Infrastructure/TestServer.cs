using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pinger.Server.Configuration;
using Pinger.Server.Hosting;
using Pinger.Server.Operations;
using Pinger.Server.Storage;

namespace Pinger.Server.Tests.Infrastructure;

/// <summary>
/// A real pinger-server on Kestrel, on a free loopback port, with a real SQLite file in a temporary state
/// directory and the tests' own schema file. Disposing it stops the server and deletes the directory.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, TempDirectory directory, CollectingLoggerProvider logs, FixedClock clock, ServerSettings settings)
    {
        _app = app;
        Directory = directory;
        Logs = logs;
        Clock = clock;
        Settings = settings;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public TempDirectory Directory { get; }

    public CollectingLoggerProvider Logs { get; }

    public FixedClock Clock { get; }

    public ServerSettings Settings { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public string SchemaDirectory => Path.Combine(Directory.Path, "schema.d");

    public string StateDirectory => Path.Combine(Directory.Path, "state");

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a server; <paramref name="settings"/> edits the defaults, <paramref name="store"/> wraps the SQLite store,
    /// <paramref name="pruneInterval"/> sets how often retention runs.
    /// </summary>
    public static async Task<TestServer> StartAsync(
        Func<ServerSettings, ServerSettings>? settings = null,
        Func<ICounterStore, ICounterStore>? store = null,
        TempDirectory? directory = null,
        FixedClock? clock = null,
        TimeSpan? pruneInterval = null)
    {
        directory ??= new TempDirectory();
        var schemaDirectory = Path.Combine(directory.Path, "schema.d");
        if (!System.IO.Directory.Exists(schemaDirectory))
        {
            System.IO.Directory.CreateDirectory(schemaDirectory);
            await File.WriteAllTextAsync(Path.Combine(schemaDirectory, "10-test.json"), TestSchema.Json(TestSchema.Standard)).ConfigureAwait(false);
        }

        var tokenFile = Path.Combine(directory.Path, "admin-token");
        await File.WriteAllTextAsync(tokenFile, Totals.AdminToken + "\n").ConfigureAwait(false);
        var effective = new ServerSettings { SchemaDirectories = [schemaDirectory], RateLimitPerMinute = 0, AdminTokenFile = tokenFile };
        effective = settings?.Invoke(effective) ?? effective;
        var logs = new CollectingLoggerProvider();
        clock ??= new FixedClock(FixedClock.Friday);
        var options = new ServerOptions
        {
            Settings = effective,
            Urls = "http://127.0.0.1:0",
            StateDirectory = Path.Combine(directory.Path, "state"),
            Clock = clock,
            SchemaPollInterval = TimeSpan.FromMilliseconds(200),
            PruneInterval = pruneInterval ?? RetentionPruner.DefaultInterval,
            StoreFactory = o => store?.Invoke(SqliteCounterStore.InDirectory(o.StateDirectory)) ?? SqliteCounterStore.InDirectory(o.StateDirectory),
            ConfigureLogging = logging => logging.AddProvider(logs),
        };
        var app = ServerApplication.Build(options);
        await app.StartAsync().ConfigureAwait(false);
        return new TestServer(app, directory, logs, clock, effective);
    }

    public Task<HttpResponseMessage> PostReportAsync(string json, string contentType = "application/json") =>
        Client.PostAsync("/v1/reports", new StringContent(json, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType)));

    /// <summary>Stops the server the way SIGTERM does, keeping the state directory.</summary>
    public async Task StopAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Directory.Dispose();
    }
}
