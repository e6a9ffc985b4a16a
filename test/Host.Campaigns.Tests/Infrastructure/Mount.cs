using System.Diagnostics;

namespace Pinger.Host.Campaigns.Tests.Infrastructure;

/// <summary>
/// A small tmpfs over a directory, seen only by the program run under it: the program is started through
/// <c>unshare --user --map-root-user --mount</c>, which mounts the tmpfs (and fills it, when asked) in a new user and
/// mount namespace, so no host privilege is needed and nothing is left mounted. Where namespaces are refused the test
/// fails in CI (CI=true) and is inconclusive elsewhere, naming the reason: it never passes without its fault.
/// </summary>
internal sealed class Mount
{
    private static readonly Lazy<string?> Refusal = new(NamespacesRefused);
    private readonly string _options;
    private readonly bool _fill;

    private Mount(string directory, string options, bool fill)
    {
        Directory = directory;
        _options = options;
        _fill = fill;
    }

    public string Directory { get; }

    /// <summary>A tmpfs of <paramref name="size"/> (e.g. "64k") over <paramref name="directory"/>, read-only or filled when asked.</summary>
    public static Mount Tmpfs(string directory, string size, bool readOnly = false, bool fill = false)
    {
        if (Refusal.Value is { } reason)
        {
            var message = $"unshare --user --map-root-user --mount is refused here ({reason}): this fault needs a user and mount namespace";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }

            Assert.Inconclusive(message);
        }

        System.IO.Directory.CreateDirectory(directory);
        return new Mount(directory, $"size={size},mode=0755" + (readOnly ? ",ro" : string.Empty), fill);
    }

    /// <summary>The command that runs the program given after it with the tmpfs in place (exit 97: mounting failed).</summary>
    public IReadOnlyList<string> Prefix()
    {
        // A full file system: the filler takes every free byte, as a log that filled /var would.
        var fill = _fill ? "cat /dev/zero > \"$1/filler\" 2>/dev/null; " : string.Empty;
        var script = $"mount -t tmpfs -o {_options} tmpfs \"$1\" || exit 97; {fill}shift; exec \"$@\"";
        return ["unshare", "--user", "--map-root-user", "--mount", "--", "sh", "-c", script, "sh", Directory];
    }

    private static string? NamespacesRefused()
    {
        var start = new ProcessStartInfo("unshare") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--user", "--map-root-user", "--mount", "--", "sh", "-c", "mount -t tmpfs -o size=4k tmpfs /mnt" })
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
