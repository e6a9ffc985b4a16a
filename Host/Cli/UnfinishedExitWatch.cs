namespace Pinger.Host.Cli;

/// <summary>
/// Makes an early end of the process visible: a probe that calls <see cref="Environment.Exit(int)"/> ends pinger
/// before it has written the report or recorded anything, and would otherwise leave exit status 0 and no word.
/// </summary>
public static class UnfinishedExitWatch
{
    private static int _finished;

    /// <summary>Starts watching; call before any plugin loads.</summary>
    public static void Start(TextWriter error) => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        if (Volatile.Read(ref _finished) == 1)
        {
            return;
        }

        error.WriteLine("pinger: error: the process was ended before the command finished (a probe called Environment.Exit, or a signal arrived): its output and any report are incomplete or missing");
        error.Flush();
        if (Environment.ExitCode == ExitCodes.Ok)
        {
            Environment.ExitCode = ExitCodes.Failure;
        }
    };

    /// <summary>Marks the command as finished: the exit that follows is the one pinger chose.</summary>
    public static void Finish() => Volatile.Write(ref _finished, 1);
}
