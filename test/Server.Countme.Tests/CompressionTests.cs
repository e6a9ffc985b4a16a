namespace Pinger.Server.Countme.Tests;

/// <summary>xz logs, and what happens to every way of cutting one short.</summary>
[TestClass]
public sealed class CompressionTests
{
    private static string Fixture => Path.Combine(RepositoryRoot(), "test", "fixtures", "countme", "access.log.xz");

    [TestMethod]
    public void An_xz_log_is_read_like_the_plain_one()
    {
        var result = CountmeLogImporter.Import(Fixture);

        Assert.AreEqual((2L, 2L, 0L), (result.LinesRead, result.LinesCounted, result.LinesMalformed));
        Assert.AreEqual(2, result.Totals.Count);
    }

    [TestMethod]
    public void An_xz_log_cut_anywhere_is_refused_never_read_as_a_short_log()
    {
        var bytes = File.ReadAllBytes(Fixture);
        using var folder = new TempFolder();
        for (var length = 6; length < bytes.Length; length++)
        {
            var path = folder.WriteBytes("cut.log.xz", bytes[..length]);

            var error = Assert.ThrowsExactly<FormatException>(() => CountmeLogImporter.Import(path), $"cut at {length} of {bytes.Length}");

            StringAssert.StartsWith(error.Message, path + ": the xz data is corrupt or truncated");
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pinger.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("not inside the repository");
    }
}
