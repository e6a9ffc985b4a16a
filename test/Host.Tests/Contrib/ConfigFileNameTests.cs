using System.Text.RegularExpressions;

namespace Pinger.Host.Tests.Contrib;

/// <summary>
/// The docs, the Butane snippets and the notice <c>pinger run</c> logs use one set of admin file names: each name
/// has one purpose (turning reporting off, or choosing a level), so following two of them never leaves one file
/// overwriting the other.
/// </summary>
[TestClass]
public sealed partial class ConfigFileNameTests
{
    private const string OptOutName = "90-disable.toml";

    [TestMethod]
    public void Each_admin_file_name_that_sets_a_level_is_used_for_one_purpose_only()
    {
        var purposes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Sources())
        {
            var text = File.ReadAllText(file);
            foreach (Match match in AdminFile().Matches(text))
            {
                var window = text[match.Index..Math.Min(text.Length, match.Index + 300)];
                var end = window.IndexOf("```", StringComparison.Ordinal);
                var level = LevelValue().Match(end > 0 ? window[..end] : window);
                if (level.Success)
                {
                    var purpose = level.Groups["level"].Value == "off" ? "off" : "level";
                    (purposes.TryGetValue(match.Groups["name"].Value, out var set) ? set : purposes[match.Groups["name"].Value] = []).Add(purpose + " in " + Path.GetFileName(file));
                }
            }
        }

        Assert.IsNotEmpty(purposes);
        foreach (var (name, uses) in purposes)
        {
            Assert.HasCount(1, uses.Select(u => u.Split(' ')[0]).Distinct().ToArray(), $"{name} is used for: {string.Join(", ", uses)}");
        }

        Assert.IsTrue(purposes[OptOutName].All(u => u.StartsWith("off", StringComparison.Ordinal)), string.Join(", ", purposes[OptOutName]));
    }

    [TestMethod]
    public void The_notice_names_the_opt_out_file_the_docs_and_the_butane_snippet_write()
    {
        var notice = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "Host", "Notices", "FirstRunNotice.cs"));
        var butane = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "contrib", "butane", "pinger-off.bu"));
        var docs = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "configuration.md"));

        foreach (var text in new[] { notice, butane, docs })
        {
            StringAssert.Contains(text, "/etc/pinger/config.d/" + OptOutName);
        }
    }

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "contrib", "butane"), "*.bu")
            .Append(Path.Combine(TestPaths.RepositoryRoot, "docs", "configuration.md"));

    [GeneratedRegex(@"/etc/pinger/config\.d/(?<name>[\w.-]+\.toml)")]
    private static partial Regex AdminFile();

    [GeneratedRegex(@"level = ""(?<level>\w+)""")]
    private static partial Regex LevelValue();
}
