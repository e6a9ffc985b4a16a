using Pinger.Core.Documentation;

namespace Pinger.Core.Tests.Documentation;

[TestClass]
public sealed class ConfigKeysDocumentTests
{
    [TestMethod]
    public void The_key_table_in_the_configuration_guide_matches_the_schema()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "docs", "configuration.md");
        var guide = File.ReadAllText(path);
        var committed = ConfigKeysDocument.Extract(guide);
        if (committed is not null && Environment.GetEnvironmentVariable("PINGER_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, guide.Replace(committed, ConfigKeysDocument.Write(), StringComparison.Ordinal));
            committed = ConfigKeysDocument.Extract(File.ReadAllText(path));
        }

        Assert.IsNotNull(committed, "docs/configuration.md lacks the generated key table markers");
        Assert.AreEqual(ConfigKeysDocument.Write(), committed, "docs/configuration.md's key table is out of date: run ./build.sh --target=Docs");
    }
}
