using System.Globalization;

namespace Pinger.Plugins.Sdk;

/// <summary>
/// Reads the one-value files of <c>/proc</c> and <c>/sys</c> (<c>/sys/block/sda/size</c>,
/// <c>/sys/class/net/eth0/type</c>), which the kernel ends with a newline.
/// </summary>
public static class MachineFilesExtensions
{
    /// <summary>The file's text without leading and trailing white space, or null when it cannot be read.</summary>
    public static string? ReadTrimmed(this IMachineFiles files, string path) => files.ReadText(path)?.Trim();

    /// <summary>
    /// The file's text as a whole non-negative decimal number (white space around it allowed), or null when it cannot
    /// be read or holds anything else: a sign, a fraction, a second value.
    /// </summary>
    public static long? ReadInteger(this IMachineFiles files, string path) =>
        long.TryParse(files.ReadTrimmed(path), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
