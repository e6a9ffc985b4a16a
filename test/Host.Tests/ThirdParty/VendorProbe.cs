using System.Diagnostics;
using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.ThirdParty;

/// <summary>
/// A vendor's probe made the way docs/writing-a-probe.md says, once per test run: Pinger's packages packed into a folder
/// (as the Pack target does), the template installed, a probe created with <c>--pinger-packages</c> naming that folder,
/// and its tests run (publishing is the next step of the docs, left to the test that installs the probe). Outside the repository, so none of its
/// Directory.*.props apply. The only addition is a nuget.config above the probe that gives the restore a private global
/// packages folder and the machine's package cache as a feed for the non-Pinger packages (so the run neither touches the
/// machine's cache nor needs more of nuget.org than the template's nuget.config names).
/// </summary>
internal sealed class VendorProbe
{
    public const string Id = "acme-widgets";
    public const string Name = "Acme.Probes.Widgets";
    private static readonly Lazy<(string Work, TimeSpan Took)> Packed = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<VendorProbe> Made = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    private VendorProbe(string work, string testOutput, IReadOnlyList<(string Step, TimeSpan Took)> steps)
    {
        Work = work;
        TestOutput = testOutput;
        Steps = steps;
    }

    public static VendorProbe Instance => Made.Value;

    /// <summary>The folder Pinger's packages were packed into (the first step, which the other steps wait for).</summary>
    public static string PackagesFolder => Path.Combine(Packed.Value.Work, "packages");

    /// <summary>The vendor's working directory (the probe is <c>Acme.Probes.Widgets/</c> below it).</summary>
    public string Work { get; }

    public string Packages => Path.Combine(Work, "packages");

    public string Hive => Path.Combine(Work, "hive");

    public string GlobalPackages => Path.Combine(Work, "nuget-cache");

    public string Directory => Path.Combine(Work, Name);

    public string TestOutput { get; }

    /// <summary>The wall time of each step from nothing to a tested probe.</summary>
    public IReadOnlyList<(string Step, TimeSpan Took)> Steps { get; }

    /// <summary>The wall time from nothing to a tested probe.</summary>
    public TimeSpan Took => Steps.Aggregate(TimeSpan.Zero, (sum, step) => sum + step.Took);

    /// <summary>Deletes the vendor's directory, when it was made.</summary>
    public static void RemoveIfMade()
    {
        if (Packed.IsValueCreated)
        {
            System.IO.Directory.Delete(Packed.Value.Work, recursive: true);
        }
    }

    /// <summary>Runs <c>dotnet publish</c> exactly as the docs write it.</summary>
    public void Publish() => DotNetCli.Run(Directory, "publish", $"src/{Name}", "-c", "Release", "-o", $"out/{Id}");

    private static (string Work, TimeSpan Took) Pack()
    {
        var clock = Stopwatch.StartNew();
        var work = System.IO.Directory.CreateTempSubdirectory("pinger-vendor-").FullName;
        var repository = TestPaths.RepositoryRoot;
        // The Pack target's recipe (both packages, in one build), apart from the repository's bin/ and obj/, which the
        // test run around this one is using.
        File.WriteAllText(Path.Combine(work, "pack.slnx"), $"""
            <Solution>
              <Project Path="{Path.Combine(repository, "Plugins.Sdk", "Pinger.Plugins.Sdk.csproj")}" />
              <Project Path="{Path.Combine(repository, "Plugins.Sdk.Testing", "Pinger.Plugins.Sdk.Testing.csproj")}" />
            </Solution>
            """);
        DotNetCli.Run(work, "pack", "pack.slnx", "-c", "Release", "-o", Path.Combine(work, "packages"), "--artifacts-path", Path.Combine(work, "build"));
        return (work, clock.Elapsed);
    }

    private static VendorProbe Make()
    {
        var steps = new List<(string, TimeSpan)> { ("pack", Packed.Value.Took) };
        T Step<T>(string name, Func<T> action)
        {
            var clock = Stopwatch.StartNew();
            var result = action();
            steps.Add((name, clock.Elapsed));
            return result;
        }

        var work = Packed.Value.Work;
        var packages = PackagesFolder;
        var repository = TestPaths.RepositoryRoot;
        File.WriteAllText(Path.Combine(work, "nuget.config"), PrivateCache(Path.Combine(work, "nuget-cache")));
        Step("dotnet new", () =>
        {
            DotNetCli.Run(work, "new", "install", Path.Combine(repository, "templates", "pinger-probe"), "--debug:custom-hive", Path.Combine(work, "hive"));
            return DotNetCli.Run(work, "new", "pinger-probe", "--name", Name, "--probe-id", Id, "--pinger-packages", packages, "--debug:custom-hive", Path.Combine(work, "hive"));
        });
        var test = Step("dotnet test", () => DotNetCli.Run(Path.Combine(work, Name), "test"));
        return new VendorProbe(work, test, steps);
    }

    // Merged with the probe's own nuget.config, whose mapping still sends Pinger.* to the packed folder alone.
    private static string PrivateCache(string cache)
    {
        var machineCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{cache}" /></config>
              <packageSources>
                <add key="machine-cache" value="{machineCache}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="machine-cache"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """;
    }
}
