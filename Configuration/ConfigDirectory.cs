using Pinger.Plugins.Sdk;

namespace Pinger.Configuration;

/// <summary>One directory of drop-ins and the file view it is read through.</summary>
/// <param name="Files">The machine's files (rooted for <c>--root</c>), or the host's for <c>--config-dir</c>.</param>
/// <param name="Path">The directory, as a path of <paramref name="Files"/>.</param>
/// <param name="IsDistributionDefault">True for the directory the distribution ships its defaults in.</param>
/// <param name="MustExist">True for a directory named on the command line: its absence is worth a warning.</param>
public sealed record ConfigDirectory(RootedMachineFiles Files, string Path, bool IsDistributionDefault = false, bool MustExist = false)
{
    /// <summary>The directory as the admin would find it on this host.</summary>
    public string HostPath => Files.Root + Path;
}
