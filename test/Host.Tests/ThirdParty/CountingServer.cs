using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.ThirdParty;

/// <summary>
/// The published <c>pinger-server</c> on a free loopback port, with its own state and config, reading the distribution's
/// schema directory and an admin's one (<see cref="AdminSchema"/>, empty at start), and an admin token for its totals.
/// </summary>
internal sealed partial class CountingServer : IDisposable
{
    private const string Token = "vendor-path-admin-token-0123456789";
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log;
    private readonly TempDirectory _directory;

    private CountingServer(Process process, ConcurrentQueue<string> log, TempDirectory directory, Uri baseAddress)
    {
        _process = process;
        _log = log;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The directory standing for /etc/pinger-server/schema.d.</summary>
    public string AdminSchema => Path.Combine(_directory.Path, "schema.d");

    /// <summary>How many times the server has (re)loaded its field registry so far.</summary>
    public int RegistryLoads => _log.Count(l => l.Contains("Field registry loaded", StringComparison.Ordinal));

    public string Log => string.Join('\n', _log);

    public static async Task<CountingServer> StartAsync()
    {
        var directory = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(directory.Path, "schema.d"));
        var token = directory.Write("admin-token", Token + "\n");
        File.SetUnixFileMode(token, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        directory.Write("config/50-test.toml", $"[admin]\ntoken_file = \"{token}\"\n[ingest]\nrate_limit_per_minute = 0\n");
        var start = new ProcessStartInfo(PublishedTree.Server) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--urls", "http://127.0.0.1:0", "--state-dir", Path.Combine(directory.Path, "state"), "--config-dir", Path.Combine(directory.Path, "config"),
            "--schema-dir", PublishedTree.ServerSchema, "--schema-dir", Path.Combine(directory.Path, "schema.d"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var log = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("pinger-server exited:\n" + string.Join('\n', log)));
                return;
            }

            log.Enqueue(e.Data);
            if (Listening().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        process.ErrorDataReceived += Read;
        process.OutputDataReceived += Read;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            return new CountingServer(process, log, directory, await listening.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Waits until the registry has been loaded more than <paramref name="loadsBefore"/> times (the watcher saw a change).</summary>
    public async Task WaitForRegistryLoadAfterAsync(int loadsBefore)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (RegistryLoads <= loadsBefore)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>The admin totals: every cell, unsuppressed.</summary>
    public async Task<JsonObject> TotalsAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/totals");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _directory.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
