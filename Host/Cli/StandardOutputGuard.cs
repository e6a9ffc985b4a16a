using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Pinger.Host.Cli;

/// <summary>
/// Takes standard output for the host alone: the report goes to a private duplicate of file descriptor 1, and
/// descriptor 1 itself is pointed at standard error before any plugin loads. A plugin that prints, by
/// <see cref="Console.Out"/>, <see cref="Console.OpenStandardOutput()"/>, <c>/dev/stdout</c> or descriptor 1, so
/// reaches standard error, never the report.
/// </summary>
/// <remarks>
/// This keeps a plugin's stray output out of the report; it is not a wall against hostile code. Plugins run in this
/// process with its rights, so one that goes looking for the duplicate (in <c>/proc/self/fd</c>, say) can still
/// write to standard output. The duplicate is close-on-exec, so the commands probes run never inherit it.
/// </remarks>
public static class StandardOutputGuard
{
    private const int StandardOutput = 1;
    private const int StandardError = 2;
    private const int DuplicateCloseOnExec = 1030; // F_DUPFD_CLOEXEC
    private const int FirstFreeDescriptor = 3;

    /// <summary>The real standard output, for the host's writes only.</summary>
    public static Stream Take()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Console.OpenStandardOutput();
        }

        var saved = DuplicateDescriptor(StandardOutput, DuplicateCloseOnExec, FirstFreeDescriptor);
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

        return new DescriptorOutputStream(new SafeFileHandle(saved, ownsHandle: true));
    }

    [DllImport("libc", EntryPoint = "fcntl")]
    private static extern int DuplicateDescriptor(int descriptor, int command, int lowest);

    [DllImport("libc", EntryPoint = "dup2")]
    private static extern int Dup2(int descriptor, int target);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);
}
