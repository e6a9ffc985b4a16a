using System.Diagnostics;
using Pinger.Bench.Harness.Measuring;

namespace Pinger.Bench.Harness.Processes;

/// <summary>Runs a program to its end with its output captured and its stdin closed.</summary>
internal static class ProcessCapture
{
    public static RunResult Run(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Run(start);
    }

    public static RunResult Run(ProcessStartInfo start)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new HarnessException($"{start.FileName} did not start");
        if (start.RedirectStandardInput)
        {
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();
        return new RunResult(process.ExitCode, clock.Elapsed.TotalMilliseconds, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a program with its output on this console; returns its exit code.</summary>
    public static int Show(string program, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        using var process = Process.Start(start) ?? throw new HarnessException($"{program} did not start");
        process.WaitForExit();
        return process.ExitCode;
    }
}
