using System.Text.Json.Serialization;

namespace Pinger.Host.State;

/// <summary>One report this machine sent (or tried to send), as <c>pinger history</c> shows it.</summary>
/// <param name="Time">When the last attempt ended (UTC, to the second; kept only on this machine).</param>
/// <param name="Server">Where it was sent.</param>
/// <param name="Outcome">"accepted", "refused" or "deferred".</param>
/// <param name="Answer">The server's answer: an HTTP status, or the network error.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="Report">The exact report bytes, as UTF-8 text.</param>
/// <param name="Reason">For a refusal, the server's reason: its title and the field paths with their problems, no values.</param>
public sealed record HistoryEntry(DateTimeOffset Time, string Server, string Outcome, string Answer, int Attempts, string Report, string? Reason = null)
{
    /// <summary>The fields withheld from this report because they are new, each as "probe.field until TIME"; null when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Waiting { get; init; }
}
