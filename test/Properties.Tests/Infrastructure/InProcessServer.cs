using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pinger.Protocol.Schema;
using Pinger.Server.Configuration;
using Pinger.Server.Hosting;
using Pinger.Server.Storage;

namespace Pinger.Properties.Tests.Infrastructure;

/// <summary>
/// A real pinger-server on Kestrel on a free loopback port, as test/Server.Tests runs it: SQLite in a temporary state
/// directory, <see cref="PropertyRegistry"/> as its only schema file, a clock fixed on Friday 2026-11-27 12:00 UTC,
/// no rate limit, and the admin API on for reading every counter back.
/// </summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private const string AdminToken = "property-admin-token-0123456789";
    private readonly WebApplication _app;
    private readonly string _directory;

    private InProcessServer(WebApplication app, string directory)
    {
        _app = app;
        _directory = directory;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public static DateTimeOffset Now { get; } = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public HttpClient Client { get; }

    public static async Task<InProcessServer> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("pinger-properties-").FullName;
        var schema = Path.Combine(directory, "schema.d");
        Directory.CreateDirectory(schema);
        await File.WriteAllTextAsync(Path.Combine(schema, "10-properties.json"), SchemaFile.Write(PropertyRegistry.Probes));
        var token = Path.Combine(directory, "admin-token");
        await File.WriteAllTextAsync(token, AdminToken + "\n");
        var options = new ServerOptions
        {
            Settings = new ServerSettings { SchemaDirectories = [schema], RateLimitPerMinute = 0, AdminTokenFile = token },
            Urls = "http://127.0.0.1:0",
            StateDirectory = Path.Combine(directory, "state"),
            Clock = new FixedClock(Now),
            StoreFactory = o => SqliteCounterStore.InDirectory(o.StateDirectory),
            ConfigureLogging = logging => logging.ClearProviders(),
        };
        var app = ServerApplication.Build(options);
        await app.StartAsync();
        return new InProcessServer(app, directory);
    }

    public async Task<int> PostAsync(byte[] body, string? contentType = "application/json")
    {
        using var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await Client.PostAsync("/v1/reports", content);
        return (int)response.StatusCode;
    }

    /// <summary>Every counter, unsuppressed: report counts, field values and countme tuples, per window.</summary>
    public async Task<Counters> CountersAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/totals");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var totals = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        static string Window(JsonNode row) => $"{(string)row["window"]!} {(string)row["start"]!}";
        foreach (var row in totals["reports"]!.AsArray())
        {
            counters[Counters.ReportsKey(Window(row!))] = (long)row!["count"]!;
        }

        foreach (var row in totals["totals"]!.AsArray())
        {
            counters[Counters.FieldKey(Window(row!), (string)row!["field"]!, (string)row["value"]!)] = (long)row["count"]!;
        }

        foreach (var row in totals["systems"]!.AsArray())
        {
            var system = string.Join('|', new[] { "os_name", "os_version", "os_variant", "os_arch", "sys_age", "platform" }.Select(c => (string)row![c]!));
            counters[Counters.SystemKey(Window(row!), system)] = (long)row!["count"]!;
        }

        return new Counters(counters);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>A snapshot of every counter by key; the difference of two is what one report added.</summary>
internal sealed record Counters(IReadOnlyDictionary<string, long> Values)
{
    public static string ReportsKey(string window) => $"{window} reports";

    public static string FieldKey(string window, string field, string value) => $"{window} {field}={value}";

    public static string SystemKey(string window, string system) => $"{window} system {system}";

    /// <summary>The counters that changed from <paramref name="before"/> to this, by how much.</summary>
    public IReadOnlyDictionary<string, long> Minus(Counters before) =>
        Values.Keys.Union(before.Values.Keys)
            .Select(k => (Key: k, Change: Values.GetValueOrDefault(k) - before.Values.GetValueOrDefault(k)))
            .Where(p => p.Change != 0)
            .ToDictionary(p => p.Key, p => p.Change, StringComparer.Ordinal);
}
