using System.Text;
using System.Text.RegularExpressions;
using Pinger.Bench.Harness.Processes;

namespace Pinger.Packaging.Tests;

/// <summary>What the RPM headers promise: the .NET runtime each package runs on, and the systemd scriptlets.</summary>
[TestClass]
public sealed partial class PackageMetadataTests
{
    [TestMethod]
    public void The_client_requires_the_dotnet_runtime_and_the_server_the_aspnetcore_runtime()
    {
        var installation = ScratchInstallation.Get();

        // Framework-dependent publishes: without the shared runtime neither binary starts.
        Assert.Contains("dotnet-runtime-10.0", Query(installation.Packages.Client, "--requires"));
        Assert.Contains("aspnetcore-runtime-10.0", Query(installation.Packages.Server, "--requires"));
    }

    [TestMethod]
    public void Neither_package_provides_the_servers_private_sqlite_library()
    {
        var installation = ScratchInstallation.Get();

        var provides = Query(installation.Packages.Client, "--provides") + Query(installation.Packages.Server, "--provides");

        Assert.DoesNotContain(".so", provides);
    }

    [TestMethod]
    public void The_server_declares_the_sqlite_version_its_bundled_library_carries()
    {
        var installation = ScratchInstallation.Get();

        var declared = BundledSqlite().Match(Query(installation.Packages.Server, "--provides"));
        var library = Encoding.Latin1.GetString(File.ReadAllBytes(installation.InRoot("/usr/lib/pinger-server/libe_sqlite3.so")));
        // sqlite_version() answers with a NUL-terminated "3.x.y" kept in the library's read-only data.
        var carried = SqliteVersion().Matches(library).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.IsTrue(declared.Success, "pinger-server provides no bundled(sqlite) = VERSION");
        Assert.Contains(declared.Groups[1].Value, carried, $"the spec declares bundled(sqlite) = {declared.Groups[1].Value}; libe_sqlite3.so carries {string.Join(", ", carried)}");
    }

    [TestMethod]
    public void The_scriptlets_hand_the_units_to_systemd_on_install_removal_and_upgrade()
    {
        var installation = ScratchInstallation.Get();

        var client = Scriptlets(installation.Packages.Client);
        var server = Scriptlets(installation.Packages.Server);

        foreach (var (package, scriptlets, unit) in new[] { ("pinger", client, "pinger.timer"), ("pinger-server", server, "pinger-server.service") })
        {
            foreach (var phase in new[] { "postinstall", "preuninstall", "postuninstall" })
            {
                Assert.IsTrue(scriptlets.TryGetValue(phase, out var body) && body.Contains(unit, StringComparison.Ordinal),
                    $"{package}: no {phase} scriptlet naming {unit}:\n{string.Join("\n", scriptlets.Select(s => $"{s.Key}: {s.Value}"))}");
            }
        }
    }

    [GeneratedRegex(@"bundled\(sqlite\) = (\S+)")]
    private static partial Regex BundledSqlite();

    [GeneratedRegex(@"(?<![0-9A-Za-z.])(3\.\d+\.\d+)\x00")]
    private static partial Regex SqliteVersion();

    private static string Query(string package, string what)
    {
        var query = ProcessCapture.Run("rpm", ["-qp", "--nosignature", what, package]);
        Assert.AreEqual(0, query.ExitCode, query.Stderr);
        return query.Stdout;
    }

    /// <summary>The package's scriptlets by phase ("postinstall", "preuninstall", ...), as rpm --scripts prints them.</summary>
    private static Dictionary<string, string> Scriptlets(string package)
    {
        var scriptlets = new Dictionary<string, string>(StringComparer.Ordinal);
        var phase = "";
        foreach (var line in Query(package, "--scripts").Split('\n'))
        {
            // "postinstall scriptlet (using /bin/sh):"
            if (line.Contains(" scriptlet (using ", StringComparison.Ordinal))
            {
                phase = line[..line.IndexOf(' ', StringComparison.Ordinal)];
                scriptlets[phase] = "";
            }
            else if (phase.Length > 0)
            {
                scriptlets[phase] += line + "\n";
            }
        }

        return scriptlets;
    }
}
