using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using DashboardBench;
using Pinger.Server.Configuration;
using Pinger.Server.Dashboard;
using Pinger.Server.Hosting;
using Pinger.Server.Storage;

// dashboard-bench [--runs N] [--schema FILE] [--seconds S]: seeds 52 weeks × 30 versions and as many weeks of
// countme totals into a fresh SQLite file, serves it with the real server, and loads the dashboard cold in headless
// Chromium, interleaved with two baselines served by the same server: /healthz, and the same page's HTML saved and
// served as a static string (what rendering costs). Then wrk measures how many requests a second / and the public
// countme file are served, fetched whole and revalidated with their ETag, against /healthz.
// dashboard-bench --screenshots URL --out DIR: only the documentation's two screenshots of a running dashboard.
if (args is ["--screenshots", var shotsOf, "--out", var shotsTo])
{
    await Screenshots.TakeAsync(shotsOf, shotsTo);
    return 0;
}

var runs = 15;
var seconds = 10;
string? schema = null;
for (var i = 0; i < args.Length - 1; i++)
{
    switch (args[i])
    {
        case "--runs":
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--schema":
            schema = args[++i];
            break;
        case "--seconds":
            seconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
    }
}

const double maxLoadMs = 1000;
const long maxBytes = 200_000;
const double minRequestsPerSecond = 1000;
const int warmUps = 3;

var directory = Directory.CreateTempSubdirectory("dashboard-bench-");
try
{
    var state = Path.Combine(directory.FullName, "state");
    var today = DateOnly.FromDateTime(DateTime.UtcNow);
    var seeding = Stopwatch.StartNew();
    long reports;
    using (var store = SqliteCounterStore.InDirectory(state))
    {
        store.Open();
        reports = BenchData.Write(store, today);
        BenchData.WriteCountme(store, today);
    }

    Console.WriteLine($"Seeded {reports:N0} reports ({BenchData.Weeks} weeks x {BenchData.Versions} versions) in {seeding.Elapsed.TotalSeconds:F1} s");

    var settings = new ServerSettings { SchemaDirectories = schema is null ? [] : [schema], RateLimitPerMinute = 0 };
    var app = ServerApplication.Build(new ServerOptions
    {
        Settings = settings,
        Urls = "http://127.0.0.1:0",
        StateDirectory = state,
        ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(),
    });
    var snapshot = "";
    app.MapGet("/bench/static", (HttpContext context) =>
    {
        context.Response.Headers.ContentSecurityPolicy = DashboardEndpoints.ContentSecurityPolicy;
        return Results.Content(snapshot, "text/html; charset=utf-8");
    });
    await app.StartAsync();
    var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    using var http = new HttpClient { BaseAddress = new Uri(origin) };
    var firstRender = Stopwatch.StartNew();
    snapshot = await http.GetStringAsync("/");
    var firstRenderMs = firstRender.Elapsed.TotalMilliseconds;
    var serverRender = new List<double>();

    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    var targets = new[] { ("dashboard /", origin + "/"), ("same HTML, static", origin + "/bench/static"), ("/healthz", origin + "/healthz") };
    var timings = targets.ToDictionary(t => t.Item1, _ => new List<PageTiming>());
    for (var run = 0; run < warmUps + runs; run++)
    {
        // Alternate the order so drift on a shared machine hits every target alike.
        foreach (var (name, url) in run % 2 == 0 ? targets : targets.Reverse())
        {
            var timing = await PageTiming.MeasureAsync(browser, url);
            if (run >= warmUps)
            {
                timings[name].Add(timing);
            }
        }

        var clock = Stopwatch.StartNew();
        await http.GetStringAsync("/");
        if (run >= warmUps)
        {
            serverRender.Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    Console.WriteLine();
    Console.WriteLine($"BenchDashboard: {runs} cold loads each after {warmUps} warm-up loads, interleaved; headless Chromium {browser.Version}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
    Console.WriteLine($"  {"",-22} {"first paint",12} {"load event",12} {"transferred",12} {"decoded",10} requests");
    foreach (var (name, _) in targets)
    {
        var list = timings[name];
        Console.WriteLine($"  {name,-22} {Median(list.Select(t => t.FirstContentfulPaintMs)),9:F1} ms {Median(list.Select(t => t.LoadEventMs)),9:F1} ms {list[0].TransferredBytes / 1000.0,9:F1} kB {list[0].DecodedBytes / 1000.0,7:F1} kB {list[0].Requests,8}");
    }

    var dashboard = timings["dashboard /"];
    var load = Median(dashboard.Select(t => t.LoadEventMs));
    var ratio = load / Median(timings["same HTML, static"].Select(t => t.LoadEventMs));
    var bytes = dashboard.Max(t => t.TransferredBytes);
    Console.WriteLine($"  server render (first GET / over HTTP)     {firstRenderMs,7:F1} ms");
    Console.WriteLine($"  GET / again (from memory, median)         {Median(serverRender),7:F1} ms");
    Console.WriteLine($"  ratio dashboard / static HTML (load)      {ratio,7:F2}");
    Console.WriteLine($"  first render (load event) < {maxLoadMs:F0} ms        {load,7:F1} ms   {(load < maxLoadMs ? "PASS" : "FAIL")}");
    Console.WriteLine($"  page weight, all assets < {maxBytes / 1000} kB         {bytes / 1000.0,7:F1} kB   {(bytes < maxBytes ? "PASS" : "FAIL")}");

    // Throughput: each view is rendered once and then served from memory; a client with a copy gets 304.
    string Tag(string path)
    {
        using var response = http.GetAsync(path).GetAwaiter().GetResult();
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException(path + " has no ETag");
    }

    var countmeBytes = (await http.GetByteArrayAsync("/v1/countme/totals.csv")).Length;
    string[] noHeaders = [];
    var loads = new (string Name, string Path, string[] Headers, bool Gated)[]
    {
        ("GET /", "/", noHeaders, true),
        ("GET / (If-None-Match: 304)", "/", ["If-None-Match: " + Tag("/")], true),
        ($"GET countme CSV ({countmeBytes / 1000} kB)", "/v1/countme/totals.csv", noHeaders, false),
        ("GET countme CSV, gzip", "/v1/countme/totals.csv", ["Accept-Encoding: gzip"], true),
        ("GET countme CSV (304)", "/v1/countme/totals.csv", ["If-None-Match: " + Tag("/v1/countme/totals.csv")], true),
        ("GET /healthz", "/healthz", noHeaders, false),
    };
    Console.WriteLine();
    Console.WriteLine($"Throughput: wrk -t1 -c16 -d{seconds}s each, same server; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
    foreach (var (name, path, headers, gated) in loads)
    {
        var measured = Throughput.Measure(origin + path, seconds, headers);
        var verdict = gated ? (measured.RequestsPerSecond >= minRequestsPerSecond && measured.Non2xx == 0 ? "PASS" : "FAIL") : "";
        Console.WriteLine($"  {name,-30} {measured.RequestsPerSecond,10:N0} req/s   p50 {measured.MedianLatency,-9} {(gated ? $">= {minRequestsPerSecond:N0} req/s " : "")}{verdict}");
    }

    await app.StopAsync();
    await app.DisposeAsync();
    return 0;
}
finally
{
    directory.Delete(recursive: true);
}
