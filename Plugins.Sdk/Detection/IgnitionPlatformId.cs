using Pinger.Plugins.Sdk.Parsing;

namespace Pinger.Plugins.Sdk.Detection;

/// <summary>
/// The <c>ignition.platform.id</c> kernel argument Fedora CoreOS and other Ignition-based systems boot with
/// (aws, gcp, metal, qemu...). It names the platform the image was built for, as the image's maker chose it.
/// </summary>
public static class IgnitionPlatformId
{
    /// <summary>
    /// The raw value of the first <c>ignition.platform.id</c> argument of <c>/proc/cmdline</c>, or null when the file
    /// cannot be read, the argument is absent or its first occurrence is empty: all mean Ignition did not say.
    /// The value is not checked against any list; allow-list it before reporting it.
    /// </summary>
    public static string? Read(IMachineFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var commandLine = files.ReadText("/proc/cmdline");
        var value = commandLine is null ? null : KernelCommandLine.FirstValue(commandLine, "ignition.platform.id");
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
