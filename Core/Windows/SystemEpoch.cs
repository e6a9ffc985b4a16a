using Pinger.Plugins.Sdk;

namespace Pinger.Core.Windows;

/// <summary>
/// When this system was installed, as countme defines it: the modification time of /etc/machine-id. A missing
/// or empty file, or one that still says "uninitialized" (first boot not finished), gives no epoch. Only the
/// age bucket computed from it ever leaves the machine.
/// </summary>
public static class SystemEpoch
{
    /// <summary>The path countme takes the epoch from.</summary>
    public const string MachineIdPath = "/etc/machine-id";

    /// <summary>The epoch, or null when the machine-id cannot give one.</summary>
    public static DateTimeOffset? From(IMachineFiles files)
    {
        var content = files.ReadText(MachineIdPath)?.Trim();
        if (string.IsNullOrEmpty(content) || content == "uninitialized")
        {
            return null;
        }

        return files.LastWriteTime(MachineIdPath);
    }
}
