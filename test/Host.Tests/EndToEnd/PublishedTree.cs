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

    /// <summary>The published <c>pinger-server</c> (a link into <c>usr/lib/pinger-server/</c>).</summary>
    public static string Server => System.IO.Path.Combine(Path, "usr", "bin", "pinger-server");

    /// <summary>The server's distribution schema directory, holding the schema file of pinger's own probes.</summary>
    public static string ServerSchema => System.IO.Path.Combine(Path, "usr", "lib", "pinger-server", "schema.d");

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

        // The server as the Publish target lays it out: its files in usr/lib/pinger-server/, a link in usr/bin, and the
        // schema file of the distribution's probes beside it.
        var server = System.IO.Path.Combine(root, "usr", "lib", "pinger-server");
        Publish(System.IO.Path.Combine(repository, "Server", "Pinger.Server", "Pinger.Server.csproj"), server);
        File.CreateSymbolicLink(System.IO.Path.Combine(root, "usr", "bin", "pinger-server"), "../lib/pinger-server/pinger-server");
        Directory.CreateDirectory(System.IO.Path.Combine(server, "schema.d"));
        Run(System.IO.Path.Combine(root, "usr", "bin", "pinger"), "schema", "--output", System.IO.Path.Combine(server, "schema.d", "pinger.json"));
        return root;
    }

    private static void Publish(string project, string output) =>
        Run("dotnet", "publish", project, "-c", TestPaths.Configuration, "-o", output, "--nologo");

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output_ = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed:\n{output_.Result}\n{errors.Result}");
        }
    }
}
