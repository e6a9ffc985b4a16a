namespace Pinger.Host.Cli;

/// <summary>
/// Standard output's reader went away (EPIPE): <c>pinger probes | head -2</c>. Not an error of pinger's: the command
/// stops writing and the process exits quietly, as other command-line tools do.
/// </summary>
public sealed class StandardOutputClosedException : IOException
{
    /// <summary>The exception for a closed standard output.</summary>
    public StandardOutputClosedException()
        : base("standard output was closed by its reader")
    {
    }
}
