using System.Text.RegularExpressions;
using Pinger.Bench.Harness.Processes;

namespace Pinger.Bench.Harness.Packaging;

/// <summary>
/// Builds the pinger and pinger-server RPMs of contrib/rpm/pinger.spec with rpmbuild, in a top directory of their
/// own, from a source tarball of the checkout and a tarball of the published tree (the spec repacks the binaries).
/// </summary>
internal static partial class RpmBuild
{
    public static string SpecOf(string repositoryRoot) => Path.Combine(repositoryRoot, "contrib", "rpm", "pinger.spec");

    /// <summary>Builds into <paramref name="topDirectory"/> (emptied first) for <paramref name="runtime"/>, the runtime identifier Publish used.</summary>
    public static RpmPackages Run(string repositoryRoot, string publishedRoot, string topDirectory, string runtime)
    {
        if (!ToolPath.IsOnPath("rpmbuild"))
        {
            throw new HarnessException("rpmbuild is missing: install Debian's rpm package (./build.sh --target=Prerequisites does, as root)");
        }

        foreach (var binary in new[] { "usr/bin/pinger", "usr/bin/pinger-server", "usr/lib/pinger-server/schema.d/pinger.json" })
        {
            if (!File.Exists(Path.Combine(publishedRoot, binary)))
            {
                throw new HarnessException($"{publishedRoot} holds no {binary}: run ./build.sh --target=Publish first");
            }
        }

        var architecture = runtime switch
        {
            "linux-x64" => "x86_64",
            "linux-arm64" => "aarch64",
            _ => throw new HarnessException($"no RPM architecture for the runtime '{runtime}': the spec builds linux-x64 (x86_64) and linux-arm64 (aarch64)"),
        };
        var spec = SpecOf(repositoryRoot);
        var version = VersionOf(spec, repositoryRoot);

        RepositoryLayout.Fresh(topDirectory);
        var sources = Directory.CreateDirectory(Path.Combine(topDirectory, "SOURCES")).FullName;
        RpmSources.WriteCheckout(repositoryRoot, $"pinger-{version}", Path.Combine(sources, $"pinger-{version}.tar.gz"));
        RpmSources.WritePublished(publishedRoot, Path.Combine(sources, $"pinger-{version}-published-{architecture}.tar.gz"));

        List<string> arguments = ["-ba", "--target", architecture, "--define", $"_topdir {topDirectory}"];
        if (!HasSystemdMacros())
        {
            // Not a Fedora-like host: systemd-rpm-macros is neither installed nor known to its rpm database. Defined one
            // by one: rpmbuild --target rereads its configuration and forgets a file given with --load.
            arguments.Add("--nodeps");
            foreach (var macro in FallbackMacros(repositoryRoot))
            {
                arguments.AddRange(["--define", macro]);
            }
        }

        arguments.Add(spec);
        var build = ProcessCapture.Run("rpmbuild", arguments);
        if (build.ExitCode != 0)
        {
            throw new HarnessException($"rpmbuild {string.Join(' ', arguments)} exited with {build.ExitCode}:\n{build.Stdout}\n{build.Stderr}");
        }

        var built = Path.Combine(topDirectory, "RPMS", architecture);
        return new RpmPackages(
            Single(built, $"pinger-{version}-*.{architecture}.rpm"),
            Single(built, $"pinger-server-{version}-*.{architecture}.rpm"),
            Single(Path.Combine(topDirectory, "SRPMS"), $"pinger-{version}-*.src.rpm"));
    }

    /// <summary>The spec's Version, which must be the one the assemblies carry (Directory.Build.props).</summary>
    private static string VersionOf(string spec, string repositoryRoot)
    {
        var specVersion = SpecVersion().Match(File.ReadAllText(spec)) is { Success: true } s ? s.Groups[1].Value
            : throw new HarnessException($"{spec} has no Version: line");
        var props = Path.Combine(repositoryRoot, "Directory.Build.props");
        var projectVersion = ProjectVersion().Match(File.ReadAllText(props)) is { Success: true } p ? p.Groups[1].Value
            : throw new HarnessException($"{props} has no <Version>");
        return specVersion == projectVersion
            ? specVersion
            : throw new HarnessException($"{spec} says Version: {specVersion} but {props} says {projectVersion}: make them agree (and add a %changelog entry)");
    }

    /// <summary>The definitions of contrib/rpm/macros.systemd-fallback, each "name body" as --define takes it.</summary>
    private static IEnumerable<string> FallbackMacros(string repositoryRoot) =>
        File.ReadLines(Path.Combine(repositoryRoot, "contrib", "rpm", "macros.systemd-fallback"))
            .Where(line => line.StartsWith('%'))
            .Select(line => line[1..]);

    private static bool HasSystemdMacros() =>
        ProcessCapture.Run("rpmbuild", ["--eval", "%{?systemd_post:defined}"]).Stdout.Trim() == "defined";

    private static string Single(string directory, string pattern) =>
        Directory.Exists(directory) && Directory.GetFiles(directory, pattern) is [var one]
            ? one
            : throw new HarnessException($"rpmbuild left no single {pattern} in {directory}");

    [GeneratedRegex(@"^Version:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex SpecVersion();

    [GeneratedRegex(@"<Version>([^<]+)</Version>")]
    private static partial Regex ProjectVersion();
}
