using System.Diagnostics;
using Pinger.Bench.Harness.Parsing;
using Pinger.Bench.Harness.Processes;

namespace Pinger.Bench.Harness.Commands;

/// <summary>
/// countme [--sizes 50,200]: runs bench/CountmeImport (synthetic access logs, plain and gzip, one process each) with
/// its output on the console, and keeps each file's MB/s per core and peak memory as figures.
/// </summary>
internal static class CountmeBench
{
    public static int Run(CommandOptions options, RepositoryLayout layout)
    {
        var sizes = options.List("sizes", "50,200");
        Console.WriteLine($"Bench: countme access-log import, load average {Machine.LoadAverage} on {Machine.Cores} cores");
        var start = new ProcessStartInfo("dotnet", ["run", "--project", layout.InRoot("bench", "CountmeImport", "CountmeImport.csproj"), "-c", "Release", "--", .. sizes])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            WorkingDirectory = layout.Root,
        };
        using var process = Process.Start(start) ?? throw new HarnessException("dotnet run did not start");
        while (process.StandardOutput.ReadLine() is { } line)
        {
            Console.WriteLine(line);
            if (CountmeImportLine.Parse(line) is var (file, rate, peak))
            {
                FigureLog.Record(layout, new Figure("countme log import, " + file, $"{rate} MB/s per core, peak {peak} MB", null, "flat memory", null));
            }
        }

        process.WaitForExit();
        return process.ExitCode == 0 ? 0 : throw new HarnessException($"bench/CountmeImport exited with {process.ExitCode}");
    }
}
