using Pinger.Bench.Harness.Packaging;
using Pinger.Bench.Harness.Processes;

namespace Pinger.Packaging.Tests;

/// <summary>
/// The pinger and pinger-server RPMs, built once per test run from the published tree the way the Rpm target builds
/// them, and installed with rpm into a scratch root. Without scriptlets: they talk to the host's systemd.
/// </summary>
internal sealed class ScratchInstallation
{
    /// <summary>Where the scratch root keeps its rpm database (inside the root, as rpm --root --dbpath places it).</summary>
    public const string DatabasePath = "/var/lib/rpm";

    private static readonly Lazy<ScratchInstallation> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string? _workDirectory;

    private ScratchInstallation(RpmPackages packages, string root)
    {
        Packages = packages;
        Root = root;
    }

    public RpmPackages Packages { get; }

    /// <summary>The scratch root the packages were installed into.</summary>
    public string Root { get; }

    public string InRoot(string absolutePath) => Path.Combine(Root, absolutePath.TrimStart('/'));

    /// <summary>The installation; inconclusive without rpmbuild, except in CI (CI=true), where the test fails.</summary>
    public static ScratchInstallation Get()
    {
        if (!ToolPath.IsOnPath("rpmbuild"))
        {
            const string Missing = "rpmbuild is missing: install Debian's rpm package (./build.sh --target=Prerequisites does, as root)";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(Missing);
            }

            Assert.Inconclusive(Missing);
        }

        return Shared.Value;
    }

    /// <summary>Removes the packages and the scratch root, if a test made them.</summary>
    public static void DeleteIfCreated()
    {
        if (_workDirectory is not null && Directory.Exists(_workDirectory))
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
    }

    private static ScratchInstallation Create()
    {
        _workDirectory = Directory.CreateTempSubdirectory("pinger-rpm-").FullName;
        var packages = RpmBuild.Run(TestPaths.RepositoryRoot, TestPaths.PublishedRoot, Path.Combine(_workDirectory, "rpmbuild"), "linux-x64");
        var root = Directory.CreateDirectory(Path.Combine(_workDirectory, "root")).FullName;

        List<string> arguments = ["--root", root, "--dbpath", DatabasePath, "--nodeps", "--noscripts", "--nosignature", "-i"];
        // Debian's rpm refuses to install packages unless told that it is not managing the system's packages.
        if (ProcessCapture.Run("rpm", ["--help"]).Stdout.Contains("--force-debian", StringComparison.Ordinal))
        {
            arguments.Insert(0, "--force-debian");
        }

        var install = ProcessCapture.Run("rpm", [.. arguments, .. packages.Binary]);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"rpm {string.Join(' ', arguments)} exited with {install.ExitCode}:\n{install.Stdout}\n{install.Stderr}");
        }

        return new ScratchInstallation(packages, root);
    }
}
