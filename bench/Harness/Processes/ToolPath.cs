namespace Pinger.Bench.Harness.Processes;

/// <summary>Whether a program can be started by name, as a shell would find it on PATH.</summary>
internal static class ToolPath
{
    public static bool IsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}
