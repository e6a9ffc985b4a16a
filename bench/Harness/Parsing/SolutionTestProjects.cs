using System.Xml.Linq;

namespace Pinger.Bench.Harness.Parsing;

/// <summary>
/// The test projects (named *.Tests.csproj) of a solution, and those on disk that it leaves out: wherever they live
/// (test/, Probes/&lt;id&gt;/tests/, contrib/probes/*/tests/, bench/), a test project outside the solution never runs.
/// </summary>
internal static class SolutionTestProjects
{
    // Build output, and the probe template's content (a project made from it is tested by ProbeTemplateTests).
    private static readonly string[] NotSearched = ["artifacts", "bin", "obj", "templates", "node_modules"];

    /// <summary>The *.Tests.csproj paths of an .slnx document, with forward slashes, as the solution spells them.</summary>
    public static IReadOnlyList<string> InSolution(XDocument slnx) =>
        slnx.Descendants("Project")
            .Select(p => ((string?)p.Attribute("Path") ?? string.Empty).Replace('\\', '/'))
            .Where(p => p.EndsWith(".Tests.csproj", StringComparison.Ordinal))
            .ToList();

    /// <summary>The *.Tests.csproj files under <paramref name="root"/> (relative, forward slashes) that <paramref name="inSolution"/> lacks.</summary>
    public static IReadOnlyList<string> Outside(string root, IReadOnlyList<string> inSolution)
    {
        var known = inSolution.Select(p => p.TrimStart('.', '/')).ToHashSet(StringComparer.Ordinal);
        return OnDisk(root, root)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !known.Contains(p))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> OnDisk(string root, string directory)
    {
        foreach (var project in Directory.EnumerateFiles(directory, "*.Tests.csproj"))
        {
            yield return project;
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(child);
            var skip = name.StartsWith('.') || (NotSearched.Contains(name, StringComparer.Ordinal) && (name is "bin" or "obj" || Path.GetDirectoryName(child) == root));
            if (!skip)
            {
                foreach (var project in OnDisk(root, child))
                {
                    yield return project;
                }
            }
        }
    }
}
