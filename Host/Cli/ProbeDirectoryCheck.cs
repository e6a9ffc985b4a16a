using System.CommandLine.Parsing;

namespace Pinger.Host.Cli;

/// <summary>
/// Refuses a <c>--probe-dir</c> that names no directory: silently searching nothing would run the other directories'
/// probes alone and print a report that looks complete.
/// </summary>
public static class ProbeDirectoryCheck
{
    /// <summary>Adds an error to <paramref name="result"/> for each named path that is not a directory.</summary>
    public static void Validate(OptionResult result)
    {
        foreach (var directory in result.GetValueOrDefault<string[]>() ?? [])
        {
            if (File.Exists(directory))
            {
                result.AddError($"--probe-dir {directory}: is a file, not a directory of probe plugins (one sub-directory per plugin)");
            }
            else if (!Directory.Exists(directory))
            {
                result.AddError($"--probe-dir {directory}: no such directory ({Path.GetFullPath(directory)})");
            }
        }
    }
}
