namespace Pinger.Server;

/// <summary>The exit statuses of <c>pinger-server</c>, documented in docs/server.md.</summary>
public static class ServerExitCodes
{
    /// <summary>The command worked (or the service stopped cleanly).</summary>
    public const int Ok = 0;

    /// <summary>An unexpected failure, e.g. storage that cannot be opened or a file that cannot be imported.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>The configuration is invalid, or a file it names cannot be used: the service refuses to start.</summary>
    public const int InvalidConfig = 3;

    /// <summary>No field registry: no probe in the schema directories, or a schema file cannot be read. Every report would be refused.</summary>
    public const int NoFieldRegistry = 4;
}
