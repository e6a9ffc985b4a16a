using System.Diagnostics;
using System.Reflection;

namespace Pinger.Host.Campaigns.Tests.Infrastructure;

/// <summary>What one run of the published <c>pinger</c> did, and how long it took.</summary>
internal sealed record PingerRun(int ExitCode, string Output, string Errors, TimeSpan Elapsed)
{
    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:F1} s\n--- stdout ---\n{Output}\n--- stderr ---\n{Errors}";
}

/// <summary>
/// The <c>pinger</c> of the tree Publish laid out: PINGER_PUBLISHED_ROOT (as the Test target sets it), else the
/// repository's artifacts/root. Run as a process, the way a timer or an admin does.
/// </summary>
internal static class PublishedPinger
{
    private static readonly Lazy<string> Binary = new(Locate);

    public static string RepositoryRoot =>
        typeof(PublishedPinger).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string FixtureRoot(string name) => Path.Combine(RepositoryRoot, "test", "fixtures", "roots", name);

    public static Task<PingerRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunUnderAsync([], environment, arguments);

    /// <summary>Runs pinger through the command <paramref name="prefix"/> (which ends by running the program after it), e.g. a <see cref="Mount"/>'s.</summary>
    public static async Task<PingerRun> RunUnderAsync(IReadOnlyList<string> prefix, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(prefix.Count > 0 ? prefix[0] : Binary.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefix.Count > 0 ? [.. prefix.Skip(1), Binary.Value, .. arguments] : arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Not under systemd: logs go to standard error.
        start.Environment.Remove("JOURNAL_STREAM");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("pinger did not exit within 2 minutes: " + string.Join(' ', arguments));
        }

        clock.Stop();
        return new PingerRun(process.ExitCode, await output, await errors, clock.Elapsed);
    }

    private static string Locate()
    {
        var root = Environment.GetEnvironmentVariable("PINGER_PUBLISHED_ROOT");
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(RepositoryRoot, "artifacts", "root");
        }

        var pinger = Path.Combine(root, "usr", "bin", "pinger");
        return File.Exists(pinger)
            ? pinger
            : throw new InvalidOperationException($"{pinger} does not exist: run ./build.sh --target=Publish (or set PINGER_PUBLISHED_ROOT)");
    }
}
