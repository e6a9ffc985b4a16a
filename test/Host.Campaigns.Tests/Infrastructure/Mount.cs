using System.Diagnostics;

namespace Pinger.Host.Campaigns.Tests.Infrastructure;

/// <summary>
/// A small tmpfs mounted for a fault, unmounted on dispose. Mounting needs root (CI runs as root); where it is
/// refused the test is marked inconclusive with the reason, so it never passes without the fault it is about.
/// </summary>
internal sealed class Mount : IDisposable
{
    private readonly string _target;

    private Mount(string target) => _target = target;

    /// <summary>A tmpfs of <paramref name="size"/> (e.g. "64k") over <paramref name="directory"/>, read-only when asked.</summary>
    public static Mount Tmpfs(string directory, string size, bool readOnly = false)
    {
        Directory.CreateDirectory(directory);
        var error = Run("mount", "-t", "tmpfs", "-o", $"size={size},mode=0755" + (readOnly ? ",ro" : string.Empty), "tmpfs", directory);
        if (error is not null)
        {
            Assert.Inconclusive($"mount -t tmpfs failed ({error}): this fault needs root with CAP_SYS_ADMIN, as in CI");
        }

        return new Mount(directory);
    }

    public void Dispose() => Run("umount", "-l", _target);

    private static string? Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : error.Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return e.Message;
        }
    }
}
