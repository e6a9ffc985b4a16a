using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Pinger.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One machine running the published <c>pinger</c>: its own configuration, state and runtime directories under the
/// temporary directory, and the fixture root it reads (<c>--root</c>). Runs use the real clock, as the server checks
/// the windows a report names against its own.
/// </summary>
internal sealed class ClientMachine : IDisposable
{
    private readonly string _root;

    public ClientMachine(string fixtureRoot, Uri server, string level = "minimal")
    {
        _root = fixtureRoot;
        Path = Directory.CreateTempSubdirectory("pinger-e2e-client-").FullName;
        Directory.CreateDirectory(ConfigDirectory);
        ReportTo(server, level);
    }

    public string Path { get; }

    public string ConfigDirectory => System.IO.Path.Combine(Path, "config.d");

    public string StateDirectory => System.IO.Path.Combine(Path, "state");

    public string RuntimeDirectory => System.IO.Path.Combine(Path, "run");

    /// <summary>Points the machine's configuration at <paramref name="server"/>, reporting at <paramref name="level"/>.</summary>
    public void ReportTo(Uri server, string level = "minimal") =>
        File.WriteAllText(System.IO.Path.Combine(ConfigDirectory, "50-end-to-end.toml"),
            $"[reporting]\nlevel = \"{level}\"\nserver = \"{server}\"\ntimeout_seconds = 60\n");

    /// <summary><c>pinger run</c> on this machine; a hang guard of two minutes, no timing asserted.</summary>
    public async Task<PingerRun> RunAsync()
    {
        var start = new ProcessStartInfo(PublishedTree.Pinger)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--root", _root, "--config-dir", ConfigDirectory, "--state-dir", StateDirectory, "--runtime-dir", RuntimeDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        // Not under systemd: logs go to standard error.
        start.Environment.Remove("JOURNAL_STREAM");
        start.Environment.Remove("PINGER_NOW");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(guard.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pinger run --root {_root} did not end within 2 minutes:\n{await errors.ConfigureAwait(false)}");
        }

        return new PingerRun(process.ExitCode, await output.ConfigureAwait(false), await errors.ConfigureAwait(false));
    }

    /// <summary>The report the server last accepted, as the machine's history kept it (history.jsonl in the state directory).</summary>
    public JsonObject? LastAcceptedReport()
    {
        var history = System.IO.Path.Combine(StateDirectory, "history.jsonl");
        var accepted = File.Exists(history)
            ? File.ReadLines(history).Select(l => JsonNode.Parse(l)!).LastOrDefault(e => (string?)e["outcome"] == "accepted")
            : null;
        return accepted is null ? null : JsonNode.Parse((string)accepted["report"]!)!.AsObject();
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
