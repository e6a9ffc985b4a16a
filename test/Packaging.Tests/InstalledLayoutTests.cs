using Pinger.Bench.Harness.Processes;

namespace Pinger.Packaging.Tests;

/// <summary>
/// The RPMs installed into a scratch root lay out exactly the published tree (artifacts/root), unchanged, plus what
/// contrib/rpm/files.expected lists (the admin's directories, documentation): the layout docs and units describe.
/// </summary>
[TestClass]
public sealed class InstalledLayoutTests
{
    [TestMethod]
    public void The_packages_install_the_published_tree_and_the_listed_extras_and_nothing_else()
    {
        var installation = ScratchInstallation.Get();
        var extras = File.ReadLines(TestPaths.ExpectedExtras)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'));
        var expected = TreeEntries.WithParents(TreeEntries.Of(TestPaths.PublishedRoot).Concat(extras));
        // The scratch root's rpm database is the test's, not the packages'.
        var database = ScratchInstallation.DatabasePath + "/";
        var installed = TreeEntries.Of(installation.Root)
            .Where(entry => !entry.StartsWith(database, StringComparison.Ordinal) && !database.StartsWith(entry, StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        var missing = expected.Where(entry => !installed.Contains(entry)).ToList();
        var unexpected = installed.Where(entry => !expected.Contains(entry)).Order(StringComparer.Ordinal).ToList();
        Assert.IsEmpty(missing, "published or listed in contrib/rpm/files.expected, but not installed:\n" + string.Join("\n", missing));
        Assert.IsEmpty(unexpected, "installed, but neither published nor listed in contrib/rpm/files.expected:\n" + string.Join("\n", unexpected));
    }

    [TestMethod]
    public void Every_published_file_is_installed_unchanged()
    {
        var installation = ScratchInstallation.Get();
        var changed = new List<string>();
        foreach (var entry in TreeEntries.Of(TestPaths.PublishedRoot).Where(entry => !entry.EndsWith('/')))
        {
            var published = Path.Combine(TestPaths.PublishedRoot, entry.TrimStart('/'));
            var installed = installation.InRoot(entry);
            if (new FileInfo(published).LinkTarget is { } target)
            {
                if (new FileInfo(installed).LinkTarget != target)
                {
                    changed.Add($"{entry}: a link to {target} was published, {new FileInfo(installed).LinkTarget ?? "no link"} installed");
                }
            }
            else if (!File.Exists(installed) || !File.ReadAllBytes(published).AsSpan().SequenceEqual(File.ReadAllBytes(installed)))
            {
                // strip or a brp script rewriting a binary shows up here (a stripped single-file pinger cannot start).
                changed.Add($"{entry}: installed bytes differ from the published ones");
            }
            else if (Executable(published) != Executable(installed))
            {
                changed.Add($"{entry}: executable published {Executable(published)}, installed {Executable(installed)}");
            }
        }

        Assert.IsEmpty(changed, string.Join("\n", changed));
    }

    [TestMethod]
    public void The_client_package_holds_no_server_file_and_the_server_package_only_server_files()
    {
        var installation = ScratchInstallation.Get();

        var client = FilesOf(installation.Packages.Client);
        var server = FilesOf(installation.Packages.Server);

        Assert.Contains("/usr/bin/pinger", client);
        Assert.Contains("/usr/lib/systemd/system/pinger.timer", client);
        Assert.Contains("/usr/lib/pinger-server/schema.d/pinger.json", server);
        Assert.Contains("/usr/lib/systemd/system/pinger-server.service", server);
        var misplaced = client.Where(path => path.Contains("pinger-server", StringComparison.Ordinal))
            .Concat(server.Where(path => !path.Contains("pinger-server", StringComparison.Ordinal)))
            .ToList();
        Assert.IsEmpty(misplaced, "in the wrong package:\n" + string.Join("\n", misplaced));
    }

    private static bool Executable(string path) => (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;

    private static List<string> FilesOf(string package)
    {
        var list = ProcessCapture.Run("rpm", ["-qlp", "--nosignature", package]);
        Assert.AreEqual(0, list.ExitCode, list.Stderr);
        return [.. list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
