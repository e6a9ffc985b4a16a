using System.Xml.Linq;
using Pinger.Bench.Harness.Parsing;

namespace Pinger.Bench.Harness.Commands;

/// <summary>
/// test-summary --results DIR [--run-error TEXT] [--closing-line FILE]: reads the TRX files of a solution-wide dotnet test run, lists each
/// project's counts and failures, and ends with "N passed, N failed[, N skipped]". Fails when a test failed, a test
/// project is missing from Pinger.slnx or wrote no results, a run broke off, or no test ran. The closing line is
/// also written to FILE, for build.cake to repeat after its task table.
/// </summary>
internal static class TestSummaryCommand
{
    public static int Run(CommandOptions options, RepositoryLayout layout)
    {
        var results = Path.GetFullPath(options.Required("results"));
        var runError = options.Text("run-error");
        var testProjects = SolutionTestProjects.InSolution(XDocument.Load(layout.InRoot("Pinger.slnx")));
        var problems = SolutionTestProjects.Outside(layout.Root, testProjects)
            .Select(stray => $"{stray} is not in Pinger.slnx, so its tests never run: add it to the solution")
            .ToList();

        var runs = Directory.Exists(results)
            ? Directory.GetFiles(results, "*.trx").Select(TrxSummary.Read).OrderBy(r => r.Assembly, StringComparer.Ordinal).ToList()
            : [];
        var total = TrxSummary.Sum(runs);

        Console.WriteLine();
        Console.WriteLine($"Test results ({results}):");
        foreach (var run in runs)
        {
            Console.WriteLine($"  {run.Assembly,-40} {run.Passed,5} passed {run.Failed,5} failed {run.Skipped,5} skipped  ({run.Outcome})");
            foreach (var failure in run.Failures)
            {
                Console.WriteLine($"      FAILED {failure}");
            }
        }

        if (runs.Count < testProjects.Count)
        {
            problems.Add($"only {runs.Count} of {testProjects.Count} test projects wrote results");
        }

        problems.AddRange(runs.Where(r => r.Broke).Select(r => $"{r.Assembly}: the test run did not complete ({r.Outcome}{r.RunError})"));
        if (!string.IsNullOrEmpty(runError) && problems.Count == 0 && total.Failed == 0)
        {
            problems.Add($"dotnet test failed although no test did: {runError}");
        }

        // A project that could not run counts as one failure, so the closing line never reads "0 failed" on a red run.
        var failed = total.Failed + problems.Count;
        if (total.Passed + total.Failed == 0)
        {
            problems.Add("no test ran");
        }

        if (total.Failed > 0)
        {
            problems.Insert(0, $"{total.Failed} test(s) failed");
        }

        if (problems.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Test failed: " + string.Join("; ", problems));
        }

        var closingLine = $"{total.Passed} passed, {failed} failed" + (total.Skipped > 0 ? $", {total.Skipped} skipped" : string.Empty);
        if (options.Text("closing-line") is { Length: > 0 } file)
        {
            File.WriteAllText(file, closingLine + "\n");
        }

        Console.WriteLine(closingLine);
        return problems.Count > 0 ? 1 : 0;
    }
}
