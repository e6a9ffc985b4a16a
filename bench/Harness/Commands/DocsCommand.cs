using Pinger.Bench.Harness.Processes;
using Pinger.Core.Documentation;
using Pinger.Server.Documentation;

namespace Pinger.Bench.Harness.Commands;

/// <summary>
/// docs: regenerates the generated documentation from its sources: docs/metrics.md from the published
/// <c>pinger probes --markdown</c>, and the key tables between the markers of docs/configuration.md and docs/server.md.
/// The tests only compare; this is the one place that writes them.
/// </summary>
internal static class DocsCommand
{
    public static int Run(RepositoryLayout layout)
    {
        var metrics = ProcessCapture.Run(layout.RequirePublished(layout.Pinger), ["probes", "--markdown"]);
        if (metrics.ExitCode != 0)
        {
            throw new HarnessException($"pinger probes --markdown exited with {metrics.ExitCode}: {metrics.Stderr}");
        }

        Update(layout.InRoot("docs", "metrics.md"), _ => metrics.Stdout);
        Update(layout.InRoot("docs", "configuration.md"), text => Splice(text, ConfigKeysDocument.Extract(text), ConfigKeysDocument.Write(), "configuration.md"));
        Update(layout.InRoot("docs", "server.md"), text => Splice(text, ServerConfigKeysDocument.Extract(text), ServerConfigKeysDocument.Write(), "server.md"));
        return 0;
    }

    private static void Update(string path, Func<string, string> regenerate)
    {
        var before = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        var after = regenerate(before);
        if (after == before)
        {
            Console.WriteLine($"  {Path.GetFileName(path)}: current");
            return;
        }

        File.WriteAllText(path, after);
        Console.WriteLine($"  {Path.GetFileName(path)}: regenerated");
    }

    private static string Splice(string document, string? committed, string generated, string name) =>
        committed is null
            ? throw new HarnessException($"docs/{name} lacks the markers of its generated table: put them back, then run Docs again")
            : document.Replace(committed, generated, StringComparison.Ordinal);
}
