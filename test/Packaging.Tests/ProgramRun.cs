using System.Diagnostics;
using Pinger.Bench.Harness.Measuring;
using Pinger.Bench.Harness.Processes;

namespace Pinger.Packaging.Tests;

/// <summary>Runs an installed or published program to its end, its output captured, as an admin would from a shell.</summary>
internal static class ProgramRun
{
    public static RunResult Of(string program, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Not under systemd: logs go to standard error, whatever the test runner inherited.
        start.Environment.Remove("JOURNAL_STREAM");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return ProcessCapture.Run(start);
    }

    public static RunResult Of(string program, params string[] arguments) => Of(program, new Dictionary<string, string>(), arguments);
}
