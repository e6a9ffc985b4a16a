using System.Diagnostics;

namespace Pinger.Host.Tests.EndToEnd;

/// <summary>Runs a bash script in a directory of its own, with the published pinger as <c>$PINGER</c>, as an admin's shell would.</summary>
internal static class ShellScript
{
    public static PingerOutcome Run(string directory, string script)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment.Remove("JOURNAL_STREAM");
        start.Environment["PINGER"] = PublishedTree.Pinger;
        start.Environment["ROOTS"] = Path.Combine(TestPaths.RepositoryRoot, "test", "fixtures", "roots");
        start.Environment["MINIMAL"] = TestPaths.FixtureConfig("minimal");

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the script did not end within a minute:\n" + script);
        }

        return new PingerOutcome(process.ExitCode, System.Text.Encoding.UTF8.GetBytes(output.Result), errors.Result);
    }
}
