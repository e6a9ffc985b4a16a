namespace Pinger.Host.Cli;

/// <summary>
/// The process's real standard output and error. The report is written to <paramref name="Output"/> as raw
/// bytes; <see cref="Console.Out"/> is pointed at standard error before any plugin loads, so a plugin that
/// prints cannot change what <c>--dry-run</c> shows.
/// </summary>
public sealed record StandardStreams(Stream Output, TextWriter Error)
{
    /// <summary>A text writer over <see cref="Output"/> for commands that print text.</summary>
    public TextWriter OutputText() => new StreamWriter(Output, new System.Text.UTF8Encoding(false), 4096, leaveOpen: true) { AutoFlush = false };
}
