using System.Text.Json.Nodes;
using Pinger.Bench.Harness.Processes;
using Pinger.Protocol.Reports;

namespace Pinger.Bench.Harness.Commands;

/// <summary>
/// golden: rewrites the golden reports of test/fixtures/expected/ from the published <c>pinger --dry-run</c> of every
/// fixture root at both levels, on the clock and machine-id date the golden test uses, the nonce replaced by its
/// placeholder. Run after an intended change and review the diff; the test only compares.
/// </summary>
internal static class GoldenCommand
{
    // Must match GoldenReportTests: the fixed clock, the machine-id's date and the nonce placeholder.
    private const string Now = "2026-11-27T10:00:00Z";
    private const string NoncePlaceholder = "random-per-report-----";
    private static readonly DateTime MachineIdDate = new(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);

    public static int Run(RepositoryLayout layout)
    {
        var pinger = layout.RequirePublished(layout.Pinger);
        var expected = layout.InRoot("test", "fixtures", "expected");
        foreach (var root in Directory.EnumerateDirectories(layout.InRoot("test", "fixtures", "roots")).Order(StringComparer.Ordinal))
        {
            var machineId = Path.Combine(root, "etc", "machine-id");
            if (File.Exists(machineId) && new FileInfo(machineId).LinkTarget is null)
            {
                File.SetLastWriteTimeUtc(machineId, MachineIdDate);
            }

            foreach (var level in new[] { "minimal", "full" })
            {
                var state = Directory.CreateTempSubdirectory("pinger-golden-").FullName;
                try
                {
                    var run = ProcessCapture.Run(pinger,
                        ["--dry-run", "--root", root, "--config-dir", layout.InRoot("test", "fixtures", "config", level), "--state-dir", state],
                        new Dictionary<string, string> { ["PINGER_NOW"] = Now });
                    if (run.ExitCode is not (0 or 4))
                    {
                        throw new HarnessException($"pinger --dry-run --root {root} at {level} exited with {run.ExitCode}: {run.Stderr}");
                    }

                    var nonce = (string?)JsonNode.Parse(run.Stdout)?["nonce"];
                    if (nonce is null || !ReportNonce.IsWellFormed(nonce))
                    {
                        throw new HarnessException($"pinger --dry-run --root {root} at {level} printed no well-formed nonce");
                    }

                    var path = Path.Combine(expected, $"{Path.GetFileName(root)}.{level}.json");
                    var golden = run.Stdout.Replace(nonce, NoncePlaceholder, StringComparison.Ordinal);
                    var before = File.Exists(path) ? File.ReadAllText(path) : null;
                    if (before != golden)
                    {
                        File.WriteAllText(path, golden);
                    }

                    Console.WriteLine($"  {Path.GetFileName(path)}: {(before == golden ? "current" : "rewritten")}");
                }
                finally
                {
                    Directory.Delete(state, recursive: true);
                }
            }
        }

        return 0;
    }
}
