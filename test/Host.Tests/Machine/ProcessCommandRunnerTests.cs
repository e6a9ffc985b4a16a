using System.Globalization;
using Pinger.Host.Machine;
using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.Machine;

/// <summary>
/// What docs/writing-a-probe.md promises of the programs a probe runs on the live machine: names are found only in
/// /usr/bin, /usr/sbin, /bin and /sbin (never through PATH), programs answer in the C.UTF-8 locale, output is kept
/// up to 8 MiB, and a cancelled run kills the program.
/// </summary>
[TestClass]
public sealed class ProcessCommandRunnerTests
{
    private const int OutputCap = 8 * 1024 * 1024;

    [TestMethod]
    public async Task A_name_is_looked_up_in_the_system_directories_never_in_PATH()
    {
        using var directory = new TempDirectory();
        var shadow = Executable(directory, "env", "#!/bin/sh\necho shadowed env\n");
        Executable(directory, "pinger-only-on-path", "#!/bin/sh\necho found through PATH\n");
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", directory.Path + ":" + path);
        try
        {
            var runner = new ProcessCommandRunner();

            var onlyOnPath = await runner.RunAsync("pinger-only-on-path", [], CancellationToken.None);
            var env = await runner.RunAsync("env", [], CancellationToken.None);
            var relative = await runner.RunAsync("./env", [], CancellationToken.None);
            var absolute = await runner.RunAsync(shadow, [], CancellationToken.None);

            Assert.IsFalse(onlyOnPath.Found, "a program found only through PATH is not found");
            Assert.IsTrue(env.Found);
            Assert.DoesNotContain("shadowed", env.StandardOutput, "env is the system's, not the one first on PATH");
            Assert.IsFalse(relative.Found, "a relative path is never resolved");
            StringAssert.Contains(absolute.StandardOutput, "shadowed env", "an absolute path is run as given");
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    [TestMethod]
    public async Task Programs_run_in_the_C_UTF_8_locale_whatever_the_callers_locale()
    {
        var saved = Environment.GetEnvironmentVariable("LC_ALL");
        Environment.SetEnvironmentVariable("LC_ALL", "de_DE.UTF-8");
        try
        {
            var env = await new ProcessCommandRunner().RunAsync("env", [], CancellationToken.None);

            var lcAll = env.StandardOutput.Split('\n').Where(l => l.StartsWith("LC_ALL=", StringComparison.Ordinal)).ToArray();
            CollectionAssert.AreEqual(new[] { "LC_ALL=C.UTF-8" }, lcAll, env.StandardOutput);
        }
        finally
        {
            Environment.SetEnvironmentVariable("LC_ALL", saved);
        }
    }

    [TestMethod]
    public async Task Output_past_8_MiB_is_drained_and_not_kept()
    {
        // seq prints about 21 MB here: well past the cap, and it only ends if its pipe keeps being read.
        var result = await new ProcessCommandRunner().RunAsync("seq", ["1", "3000000"], CancellationToken.None);

        Assert.AreEqual(0, result.ExitCode);
        Assert.AreEqual(OutputCap, result.StandardOutput.Length);
        Assert.StartsWith("1\n2\n3\n", result.StandardOutput);
    }

    [TestMethod]
    public async Task Cancelling_a_run_kills_the_program()
    {
        using var directory = new TempDirectory();
        var pidFile = Path.Combine(directory.Path, "pid");
        using var started = new FileSystemWatcher(directory.Path, "pid") { EnableRaisingEvents = true };
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        started.Renamed += (_, _) => written.TrySetResult();
        using var cancel = new CancellationTokenSource();

        // The shell writes its pid (renamed into place, so it is whole when seen) and becomes a long sleep.
        var run = new ProcessCommandRunner().RunAsync("sh", ["-c", $"echo $$ > {pidFile}.new && mv {pidFile}.new {pidFile} && exec sleep 600"], cancel.Token);
        await written.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        using var program = System.Diagnostics.Process.GetProcessById(pid);
        try
        {
            await cancel.CancelAsync();

            await Assert.ThrowsAsync<OperationCanceledException>(() => run);
            // A hang guard only: the program is gone long before, or was never killed.
            await program.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        catch (TimeoutException)
        {
            program.Kill();
            Assert.Fail("the program still ran a minute after its run was cancelled");
        }
    }

    private static string Executable(TempDirectory directory, string name, string script)
    {
        var path = directory.Write(name, script);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
