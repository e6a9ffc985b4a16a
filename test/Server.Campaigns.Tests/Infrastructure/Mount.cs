using System.Diagnostics;

namespace Pinger.Server.Campaigns.Tests.Infrastructure;

/// <summary>
/// A mount made for a storage fault (a small tmpfs, a read-only bind mount), undone on dispose. Mounting needs root
/// (CI runs as root); where it is refused the test fails in CI (CI=true) and is inconclusive elsewhere, saying why: it
/// never passes without the fault.
/// </summary>
internal sealed class Mount : IDisposable
{
    private readonly string _target;
    private bool _mounted = true;

    private Mount(string target) => _target = target;

    /// <summary>A tmpfs of <paramref name="size"/> (e.g. "8m") over <paramref name="directory"/>.</summary>
    public static Mount Tmpfs(string directory, string size)
    {
        Run(true, "mount", "-t", "tmpfs", "-o", $"size={size},mode=0755", "tmpfs", directory);
        return new Mount(directory);
    }

    /// <summary>
    /// <paramref name="path"/> (a file or a directory) bound over itself read-only: even root cannot write through it,
    /// as after a volume is remounted read-only.
    /// </summary>
    public static Mount ReadOnly(string path)
    {
        Run(true, "mount", "--bind", path, path);
        var mount = new Mount(path);
        try
        {
            Run(true, "mount", "-o", "remount,bind,ro", path);
        }
        catch
        {
            mount.Dispose();
            throw;
        }

        return mount;
    }

    /// <summary>
    /// Undoes the mount. Lazily: files the server opened through it stay open as they were, and it must find its own
    /// way back, as after a real remount.
    /// </summary>
    public void Dispose()
    {
        if (_mounted)
        {
            _mounted = false;
            Run(false, "umount", "-l", _target);
        }
    }

    private static void Run(bool inconclusiveOnFailure, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        string error;
        int exitCode;
        try
        {
            using var process = Process.Start(start)!;
            error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            exitCode = process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            (error, exitCode) = (e.Message, -1);
        }

        if (exitCode != 0)
        {
            var message = $"{program} {string.Join(' ', args)} failed ({error.Trim()}): this fault needs root with CAP_SYS_ADMIN";
            // In CI the fault must run: a refused mount fails the test there instead of leaving it inconclusive.
            if (inconclusiveOnFailure && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Inconclusive(message);
            }

            throw new InvalidOperationException(message);
        }
    }
}
