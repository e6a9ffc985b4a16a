using Pinger.Core.Running;

namespace Pinger.Core.Reporting;

/// <summary>What <see cref="NewFieldGate"/> decided for one report.</summary>
/// <param name="Seen">The fields seen so far, this report's included: what the state keeps next.</param>
/// <param name="Waiting">The fields withheld from this report.</param>
/// <param name="FirstSeen">The waiting fields seen for the first time now, to announce once.</param>
public sealed record NewFieldDecision(FieldsSeen Seen, IReadOnlyList<WaitingField> Waiting, IReadOnlyList<WaitingField> FirstSeen)
{
    /// <summary>The runs without the values of waiting fields.</summary>
    public IReadOnlyList<ProbeRun> Withhold(IReadOnlyList<ProbeRun> runs)
    {
        if (Waiting.Count == 0)
        {
            return runs;
        }

        var waiting = Waiting.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        return runs
            .Select(run => run with
            {
                Values = run.Values
                    .Where(v => !waiting.Contains(NewFieldGate.KeyOf(run.ProbeId, v.Key)))
                    .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
            })
            .ToArray();
    }
}
