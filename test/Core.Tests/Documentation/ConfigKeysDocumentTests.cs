using Pinger.Core.Documentation;

namespace Pinger.Core.Tests.Documentation;

[TestClass]
public sealed class ConfigKeysDocumentTests
{
    [TestMethod]
    public void The_key_table_in_the_configuration_guide_matches_the_schema()
    {
        // Only compares: ./build.sh --target=Docs is what rewrites the table.
        var committed = ConfigKeysDocument.Extract(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "configuration.md")));

        Assert.IsNotNull(committed, "docs/configuration.md lacks the generated key table markers");
        Assert.AreEqual(ConfigKeysDocument.Write(), committed, "docs/configuration.md's key table is out of date: run ./build.sh --target=Docs and commit it");
    }
}
