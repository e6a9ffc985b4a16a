using Pinger.Plugins.Sdk;

namespace Pinger.Probes.OsVersions;

/// <summary>The machine's architecture as <c>uname -m</c> names it.</summary>
internal static class CpuArchitecture
{
    public const string Other = "other";

    /// <summary>The architectures worth telling apart; anything else is <see cref="Other"/>.</summary>
    public static IReadOnlyList<string> Known { get; } = ["x86_64", "aarch64", "s390x", "ppc64le", "riscv64", "armv7l", "i686"];

    /// <summary>The allow-listed architecture, or null when neither the kernel file nor uname tells it.</summary>
    public static async Task<string?> ReadAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        // Kernels from 6.1 publish it as a file; older ones only through uname.
        var name = context.Files.ReadTrimmed("/proc/sys/kernel/arch");
        if (string.IsNullOrEmpty(name))
        {
            var uname = await context.Commands.RunAsync("uname", ["-m"], cancellationToken).ConfigureAwait(false);
            name = uname.Succeeded ? uname.StandardOutput.Trim() : null;
        }

        return string.IsNullOrEmpty(name) ? null : Coarsen.AllowListed(name, Known, Other);
    }
}
