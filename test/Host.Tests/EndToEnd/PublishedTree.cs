using System.Diagnostics;

namespace Pinger.Host.Tests.EndToEnd;

/// <summary>
/// The installable tree the tests run: the one the build's Publish target laid out (its path in
/// PINGER_PUBLISHED_ROOT), or, when tests run on their own, one published here once per test run.
/// </summary>
internal static class PublishedTree
{
    private static readonly Lazy<string> Root = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The tree's root; <c>usr/bin/pinger</c> is below it.</summary>
    public static string Path => Root.Value;

    public static string Pinger => System.IO.Path.Combine(Path, "usr", "bin", "pinger");

    public static string Probes => System.IO.Path.Combine(Path, "usr", "lib", "pinger", "probes");

    private static string Locate()
    {
        var fromBuild = Environment.GetEnvironmentVariable("PINGER_PUBLISHED_ROOT");
        if (!string.IsNullOrEmpty(fromBuild))
        {
            if (!File.Exists(System.IO.Path.Combine(fromBuild, "usr", "bin", "pinger")))
            {
                throw new InvalidOperationException($"PINGER_PUBLISHED_ROOT={fromBuild} holds no usr/bin/pinger: run the Publish target first");
            }

            return fromBuild;
        }

        return PublishHere();
    }

    private static string PublishHere()
    {
        var root = Directory.CreateTempSubdirectory("pinger-published-").FullName;
        var repository = TestPaths.RepositoryRoot;
        Publish(System.IO.Path.Combine(repository, "Host", "Pinger.Host.csproj"), System.IO.Path.Combine(root, "usr", "bin"));
        // Probes/<id>/*.csproj only: a probe's tests live below, in Probes/<id>/tests/.
        foreach (var project in Directory.EnumerateDirectories(System.IO.Path.Combine(repository, "Probes")).SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj")))
        {
            var id = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(project)!);
            Publish(project, System.IO.Path.Combine(root, "usr", "lib", "pinger", "probes", id));
        }

        return root;
    }

    private static void Publish(string project, string output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-c", TestPaths.Configuration, "-o", output, "--nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output_ = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed:\n{output_.Result}\n{errors.Result}");
        }
    }
}
