using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pinger.Server.Configuration;
using Pinger.Server.Dashboard;
using Pinger.Server.Ingest;
using Pinger.Server.Metalink;
using Pinger.Server.Operations;
using Pinger.Server.Publishing;
using Pinger.Server.Registry;
using Pinger.Server.Storage;
using Prometheus;

namespace Pinger.Server.Hosting;

/// <summary>
/// Wires the service: Kestrel, the routes, the commit loop, retention and the registry watcher. Logging is set up so that
/// nothing about a client is written: ASP.NET Core's request logs (paths, headers, addresses) are filtered out.
/// </summary>
public static class ServerApplication
{
    /// <summary>Builds the application; the store is opened (and migrated) here, so a broken store fails the start.</summary>
    public static WebApplication Build(ServerOptions options)
    {
        // Always Production: the Development environment would add an exception page that shows request details.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        var urls = options.Urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [.. options.Settings.ListenUrls];
        builder.WebHost.UseUrls(options.Settings.MetricsListen is { } metricsUrl ? [.. urls, metricsUrl] : urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.Settings.MaxBodyBytes + 1;
        });
        builder.Host.ConfigureHostOptions(host => host.ShutdownTimeout = TimeSpan.FromSeconds(20));
        ConfigureLogging(builder.Logging, options);

        var settings = options.Settings;
        var adminToken = new AdminToken(settings.AdminTokenFile);
        var store = options.StoreFactory?.Invoke(options) ?? CounterStores.Create(settings, options.StateDirectory);
        FieldRegistrySource? registrySource = null;
        store.Open();
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(options.Clock);
        services.AddSingleton(store);
        services.AddSingleton<ServerMetrics>();
        services.AddSingleton(new IngestQueue(settings.QueueCapacity));
        services.AddSingleton(new ClientRateLimiter(settings.RateLimitPerMinute, settings.RateLimitByForwardedFor, new TrustedProxies(settings.TrustedProxies)));
        services.AddSingleton(adminToken);
        services.AddSingleton(provider => new FieldRegistrySource(
            settings.SchemaDirectories, options.SchemaPollInterval, provider.GetRequiredService<ILogger<FieldRegistrySource>>()));
        services.AddHostedService(provider => provider.GetRequiredService<FieldRegistrySource>());
        services.AddHostedService(provider => new CommitLoop(
            provider.GetRequiredService<IngestQueue>(), store, provider.GetRequiredService<ServerMetrics>(), options.Clock,
            settings.ClockSkew, provider.GetRequiredService<ILogger<CommitLoop>>()));
        services.AddHostedService(provider => new RetentionPruner(
            store, settings.Retention, provider.GetRequiredService<ServerMetrics>(), options.Clock, options.PruneInterval,
            provider.GetRequiredService<ILogger<RetentionPruner>>()));
        services.AddSingleton<ReportsEndpoint>();
        services.AddSingleton<MetalinkEndpoints>();

        // Everything published reads through this one release; the admin API through one that withholds nothing.
        var budget = new PrivacyBudget(settings.Epsilon, PrivacyBudget.DefaultDelta, settings.MinCount);
        var privacy = new DifferentialPrivacy(store, new WindowReleaser(budget, new DiscreteLaplace(new CryptographicUniform())),
            () => registrySource!.Current, budget, options.Clock);
        var published = new TotalsRelease(store, privacy, options.Clock);
        var unsuppressed = new TotalsRelease(store, new EveryCount(), options.Clock);
        services.AddSingleton(provider => new TotalsEndpoints(published, unsuppressed, adminToken, provider.GetRequiredService<FieldRegistrySource>(), options.Clock));
        services.AddSingleton(provider => new DashboardEndpoints(published, provider.GetRequiredService<FieldRegistrySource>(), options.Clock));
        services.AddSingleton(new HealthEndpoints(store, settings, options.StateDirectory));

        var app = builder.Build();
        registrySource = app.Services.GetRequiredService<FieldRegistrySource>();

        // After the commit loop has drained: nothing writes any more.
        app.Lifetime.ApplicationStopped.Register(store.Dispose);
        MapRoutes(app);
        return app;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, ServerOptions options)
    {
        logging.ClearProviders();
        if (options.ConfigureLogging is { } configure)
        {
            configure(logging);
        }
        else
        {
            logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.IncludeScopes = false;
            });
            logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        // Request and connection logs carry paths, headers and connection details: keep only real problems.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Error);
        logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel.BadRequests", LogLevel.None);
    }

    private static void MapRoutes(WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<ServerMetrics>();
        var queue = app.Services.GetRequiredService<IngestQueue>();
        var registry = app.Services.GetRequiredService<FieldRegistrySource>();
        metrics.Registry.AddBeforeCollectCallback(() =>
        {
            metrics.QueueDepth.Set(queue.Depth);
            metrics.RegistryProbes.Set(registry.Current.ProbeCount);
        });
        app.Use(async (context, next) =>
        {
            await next(context).ConfigureAwait(false);
            var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            metrics.Requests.WithLabels(endpoint, context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        });

        // On its own loopback listener, /metrics is all that port serves, and the main listener does not serve it.
        var metricsPort = app.Services.GetRequiredService<Configuration.ServerSettings>().MetricsListen is { } listen ? new Uri(listen).Port : (int?)null;
        if (metricsPort is { } port)
        {
            app.Use(async (context, next) =>
            {
                if (context.Connection.LocalPort == port && context.Request.Path != "/metrics")
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                await next(context).ConfigureAwait(false);
            });
            app.UseMetricServer(port, "/metrics", metrics.Registry);
        }

        var reports = app.Services.GetRequiredService<ReportsEndpoint>();
        app.MapPost("/v1/reports", reports.HandleAsync);
        app.Services.GetRequiredService<TotalsEndpoints>().Map(app);
        app.Services.GetRequiredService<MetalinkEndpoints>().Map(app);
        app.Services.GetRequiredService<HealthEndpoints>().Map(app);
        app.Services.GetRequiredService<DashboardEndpoints>().Map(app);
        if (metricsPort is null)
        {
            app.MapMetrics("/metrics", metrics.Registry);
        }
    }
}
