using Pinger.Plugins.Sdk;

namespace Pinger.Core.Reporting;

/// <summary>
/// Holds back fields that appear at the machine's level after it started reporting (an update added a probe or a
/// field): they wait <see cref="WaitingPeriod"/> from the run that first sees them, so the admin is told before they
/// are sent. The fields present when reporting starts, or when the admin changes the level, are the ones the admin
/// chose and do not wait.
/// </summary>
public static class NewFieldGate
{
    /// <summary>How long a new field is withheld.</summary>
    public static TimeSpan WaitingPeriod { get; } = TimeSpan.FromDays(7);

    /// <summary>The key a field goes by in the state: <c>probe.field</c>.</summary>
    public static string KeyOf(string probeId, string fieldName) => $"{probeId}.{fieldName}";

    /// <summary>Decides which of <paramref name="atLevel"/> wait, given what was <paramref name="seen"/> before.</summary>
    /// <param name="atLevel">Every field the probes that run at <paramref name="level"/> may send.</param>
    /// <param name="level">The level in force.</param>
    /// <param name="seen">The fields seen before; null when the machine never recorded any.</param>
    /// <param name="now">The time of this run.</param>
    public static NewFieldDecision Decide(
        IEnumerable<(string ProbeId, FieldDeclaration Field)> atLevel, MetricsLevel level, FieldsSeen? seen, DateTimeOffset now)
    {
        // A first report, or a level the admin just chose: everything at it is what was agreed to.
        var freshStart = seen is null || seen.Level != level;
        var sendableFrom = new Dictionary<string, DateTimeOffset>(seen?.SendableFrom ?? new Dictionary<string, DateTimeOffset>(), StringComparer.Ordinal);
        var waiting = new List<WaitingField>();
        var firstSeen = new List<WaitingField>();
        foreach (var (probeId, field) in atLevel)
        {
            var key = KeyOf(probeId, field.Name);
            if (!sendableFrom.TryGetValue(key, out var from))
            {
                from = freshStart ? now : now + WaitingPeriod;
                sendableFrom[key] = from;
                if (from > now)
                {
                    firstSeen.Add(new WaitingField(probeId, field, from));
                }
            }

            if (from > now)
            {
                waiting.Add(new WaitingField(probeId, field, from));
            }
        }

        return new NewFieldDecision(
            new FieldsSeen(level, sendableFrom),
            waiting.OrderBy(f => f.Key, StringComparer.Ordinal).ToArray(),
            firstSeen.OrderBy(f => f.Key, StringComparer.Ordinal).ToArray());
    }
}
