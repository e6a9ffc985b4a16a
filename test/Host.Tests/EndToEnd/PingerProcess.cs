using System.Diagnostics;
using System.Text;

namespace Pinger.Host.Tests.EndToEnd;

/// <summary>What one run of the published <c>pinger</c> did.</summary>
internal sealed record PingerOutcome(int ExitCode, byte[] StandardOutput, string StandardError)
{
    public string Output => Encoding.UTF8.GetString(StandardOutput);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{StandardError}";
}

/// <summary>Runs the published <c>pinger</c> as a process, the way a timer or an admin would.</summary>
internal static class PingerProcess
{
    public static PingerOutcome Run(params string[] arguments) => Run(new Dictionary<string, string>(), arguments);

    public static PingerOutcome Run(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(PublishedTree.Pinger)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Not under systemd: logs must go to standard error, whatever the test runner inherited.
        start.Environment.Remove("JOURNAL_STREAM");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("pinger did not exit within a minute: " + string.Join(' ', arguments));
        }

        copy.Wait();
        return new PingerOutcome(process.ExitCode, stdout.ToArray(), errors.Result);
    }
}
