using System.Text.RegularExpressions;
using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.Contrib;

/// <summary>
/// Every config the project ships or documents (distribution defaults, examples, Butane snippets) passes
/// the published <c>pinger check-config</c>, checked against the real probes.
/// </summary>
[TestClass]
public sealed partial class ShippedConfigTests
{
    public static IEnumerable<object[]> ShippedFiles() =>
        new[] { "contrib/config.d", "contrib/examples" }
            .Select(d => Path.Combine(TestPaths.RepositoryRoot, d))
            .SelectMany(d => Directory.EnumerateFiles(d, "*.toml"))
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetRelativePath(TestPaths.RepositoryRoot, f) });

    public static IEnumerable<object[]> ButaneSnippets() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "contrib", "butane"), "*.bu")
            .Where(f => File.ReadAllText(f).Contains("inline: |", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetRelativePath(TestPaths.RepositoryRoot, f) });

    [TestMethod]
    [DynamicData(nameof(ShippedFiles))]
    public void A_shipped_config_file_passes_check_config(string relativePath) =>
        AssertAccepted(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, relativePath)));

    [TestMethod]
    [DynamicData(nameof(ButaneSnippets))]
    public void The_TOML_inside_a_Butane_snippet_passes_check_config(string relativePath)
    {
        var yaml = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, relativePath));

        var inline = InlineBlock().Match(yaml);

        Assert.IsTrue(inline.Success, "no inline contents in " + relativePath);
        var indent = inline.Groups["indent"].Value;
        AssertAccepted(string.Join('\n', inline.Groups["body"].Value.Split('\n')
            .Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l)));
    }

    private static void AssertAccepted(string toml)
    {
        using var config = new TempDirectory();
        config.Write("50-shipped.toml", toml);

        var outcome = PingerProcess.Run("check-config", "--root", TestPaths.FixtureRoot("empty"), "--config-dir", config.Path);

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.DoesNotContain("warning", outcome.StandardError);
    }

    [GeneratedRegex(@"inline: \|\n(?<indent> +)(?<body>(?:.*\n?)*)")]
    private static partial Regex InlineBlock();
}
