using System.Globalization;
using System.Runtime.InteropServices;
using Pinger.Bench.Harness.Parsing;
using Pinger.Bench.Harness.Processes;

namespace Pinger.Bench.Harness.Commands;

/// <summary>performance: one table of every figure the benches of this build recorded, its ratio, target and verdict.</summary>
internal static class PerformanceTable
{
    public static int Run(RepositoryLayout layout)
    {
        var figures = FigureLog.ReadAll(layout);
        if (figures.Count == 0)
        {
            throw new HarnessException($"{FigureLog.PathIn(layout)} holds no figure: the benches did not run in this build");
        }

        Console.WriteLine();
        Console.WriteLine($"Performance, {Machine.Cores} cores, load average {Machine.LoadAverage}, {RuntimeInformation.OSDescription}");
        Console.WriteLine($"  {"figure",-46} {"measured",-34} {"ratio",7}  {"target",-16} verdict");
        foreach (var figure in figures)
        {
            var ratio = figure.Ratio?.ToString("F2", CultureInfo.InvariantCulture) ?? string.Empty;
            var verdict = figure.Pass is { } pass ? Figure.Verdict(pass) : string.Empty;
            Console.WriteLine($"  {figure.Name,-46} {figure.Value,-34} {ratio,7}  {figure.Target,-16} {verdict}");
        }

        return 0;
    }
}
