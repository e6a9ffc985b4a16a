using System.Text.RegularExpressions;

namespace Pinger.Host.Tests.Documentation;

/// <summary>Every build target the README and docs/ tell a reader to run is declared in build.cake.</summary>
[TestClass]
public sealed partial class BuildTargetsDocumentTests
{
    [TestMethod]
    public void Every_target_named_in_the_readme_and_docs_is_declared_by_build_cake()
    {
        var declared = Declaration().Matches(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "build.cake")))
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        var documents = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "docs"), "*.md")
            .Append(Path.Combine(TestPaths.RepositoryRoot, "README.md"));

        var undeclared = documents
            .SelectMany(document => Mention().Matches(File.ReadAllText(document))
                .Select(m => (Document: Path.GetRelativePath(TestPaths.RepositoryRoot, document), Target: m.Groups[1].Value)))
            .Where(mention => !declared.Contains(mention.Target))
            .Select(mention => $"{mention.Document}: --target={mention.Target}")
            .Distinct()
            .ToList();

        Assert.IsTrue(declared.Contains("Test") && declared.Contains("Demo"), "build.cake declares no Test or Demo target: the declaration pattern no longer matches it");
        Assert.AreEqual(0, undeclared.Count, "named in the docs but not declared by Task(\"...\") in build.cake:\n" + string.Join("\n", undeclared));
    }

    [TestMethod]
    public void The_readme_table_lists_every_declared_target()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var missing = Declaration().Matches(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "build.cake")))
            .Select(m => m.Groups[1].Value)
            .Where(target => target != "Default" && !readme.Contains($"| `{target}`", StringComparison.Ordinal))
            .ToList();

        Assert.AreEqual(0, missing.Count, "targets missing from the README's Build targets table: " + string.Join(", ", missing));
    }

    // Task("X") and the Measured("X") shorthand for bench targets.
    [GeneratedRegex("""(?:Task|Measured)\("([A-Za-z]+)"\)""")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"--target=([A-Za-z]+)")]
    private static partial Regex Mention();
}
