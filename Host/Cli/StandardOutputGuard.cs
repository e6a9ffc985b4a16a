using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Pinger.Host.Cli;

/// <summary>
/// Takes standard output for the host alone: the report goes to a private duplicate of file descriptor 1, and
/// descriptor 1 itself is pointed at standard error. A plugin that bypasses <see cref="Console.Out"/>
/// (<see cref="Console.OpenStandardOutput()"/>, <c>/dev/stdout</c>) then writes to standard error, never into the report.
/// </summary>
public static class StandardOutputGuard
{
    private const int StandardOutput = 1;
    private const int StandardError = 2;

    /// <summary>The real standard output, for the host's writes only.</summary>
    public static Stream Take()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Console.OpenStandardOutput();
        }

        var saved = Dup(StandardOutput);
        if (saved < 0)
        {
            // Standard output is closed: there is nothing to protect.
            return Console.OpenStandardOutput();
        }

        if (Dup2(StandardError, StandardOutput) < 0)
        {
            Close(saved);
            return Console.OpenStandardOutput();
        }

        return new FileStream(new SafeFileHandle(saved, ownsHandle: true), FileAccess.Write, bufferSize: 0);
    }

    [DllImport("libc", EntryPoint = "dup")]
    private static extern int Dup(int descriptor);

    [DllImport("libc", EntryPoint = "dup2")]
    private static extern int Dup2(int descriptor, int target);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);
}
