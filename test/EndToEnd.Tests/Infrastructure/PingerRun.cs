namespace Pinger.EndToEnd.Tests.Infrastructure;

/// <summary>What one run of the published <c>pinger</c> did.</summary>
internal sealed record PingerRun(int ExitCode, string Output, string Errors)
{
    /// <summary>Whether the run says the server accepted its report.</summary>
    public bool Accepted => Errors.Contains("report accepted by", StringComparison.Ordinal);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Errors}";
}
