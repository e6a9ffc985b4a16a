using System.Diagnostics;

namespace Pinger.Host.Tests.ThirdParty;

/// <summary>Runs the <c>dotnet</c> command line as a vendor would, failing the test with its output when it fails.</summary>
internal static class DotNetCli
{
    public static string Run(string workingDirectory, params string[] arguments)
    {
        var (exitCode, text) = RunAllowingFailure(workingDirectory, arguments);
        Assert.AreEqual(0, exitCode, $"dotnet {string.Join(' ', arguments)} failed:\n{text}");
        return text;
    }

    /// <summary>Runs the command and returns its exit code and output, whatever the exit code.</summary>
    public static (int ExitCode, string Output) RunAllowingFailure(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', arguments)} did not finish within 90 s:\n{output.Result}\n{errors.Result}");
        }

        return (process.ExitCode, output.Result + errors.Result);
    }
}
