namespace Pinger.Plugins.Sdk;

/// <summary>What a program did.</summary>
/// <param name="Found">False when the program does not exist on this machine.</param>
/// <param name="ExitCode">The exit status; meaningful only when <paramref name="Found"/>.</param>
/// <param name="StandardOutput">Everything the program printed on standard output.</param>
public sealed record CommandResult(bool Found, int ExitCode, string StandardOutput)
{
    /// <summary>The program does not exist.</summary>
    public static CommandResult NotFound { get; } = new(false, 127, string.Empty);

    /// <summary>The program ran and exited with status 0.</summary>
    public bool Succeeded => Found && ExitCode == 0;
}
