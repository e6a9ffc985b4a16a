using Pinger.Protocol.Windows;

namespace Pinger.Core.Reporting;

/// <summary>A report about to be sent, or sent without an answer: its nonce is reused only for these same windows.</summary>
/// <param name="Nonce">The report's nonce.</param>
/// <param name="Windows">The windows it counts for.</param>
public sealed record PendingReport(string Nonce, IReadOnlyList<CountingWindow> Windows)
{
    /// <summary>Whether a report for <paramref name="windows"/> is a retry of this one.</summary>
    public bool IsFor(IReadOnlyList<CountingWindow> windows) =>
        windows.Count == Windows.Count && windows.All(Windows.Contains);
}
