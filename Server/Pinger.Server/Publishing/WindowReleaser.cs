using Pinger.Protocol.Windows;
using Pinger.Server.Registry;
using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>
/// Computes a window's release from its exact counters: every field histogram, the countme-tuple cross-tab, its
/// age-bucket marginal (published as the cells of <see cref="PrivacyBudget.AgePart"/>) and the report count each get discrete Laplace noise sized by their share of ε, and cells whose noisy count falls below
/// their threshold are withheld. Cells that were never counted are not invented: the threshold is what makes their
/// presence private (δ).
/// </summary>
/// <param name="budget">The split of ε.</param>
/// <param name="noise">The mechanism.</param>
public sealed class WindowReleaser(PrivacyBudget budget, DiscreteLaplace noise)
{
    /// <summary>The release of <paramref name="window"/> from <paramref name="counted"/> (that window's counters only).</summary>
    public WindowRelease Compute(CountingWindow window, TotalsSnapshot counted, FieldRegistry registry)
    {
        var parts = budget.Plan(registry).ToDictionary(p => p.Name, StringComparer.Ordinal);
        long? Noisy(ReleasePart part, long count) => count + noise.Sample(part.Scale) is var noisy && noisy >= part.Threshold ? noisy : null;

        var reports = counted.Reports.Where(r => r.Window == window).Sum(r => r.Reports);
        var cells = new List<TotalsCell>();
        foreach (var cell in counted.Cells.Where(c => c.Window == window))
        {
            if (parts.TryGetValue(cell.Field, out var part) && Noisy(part, cell.Count) is { } count)
            {
                cells.Add(cell with { Count = count });
            }
        }

        // The age marginal is read from the exact tuples, not summed from noisy ones: one draw per bucket.
        foreach (var bucket in counted.Systems.Where(s => s.Window == window).GroupBy(s => s.System.SysAge, StringComparer.Ordinal))
        {
            if (Noisy(parts[PrivacyBudget.AgePart], bucket.Sum(s => s.Count)) is { } count)
            {
                cells.Add(new TotalsCell(window, PrivacyBudget.AgePart, bucket.Key, count));
            }
        }

        var systems = new List<SystemCount>();
        foreach (var row in counted.Systems.Where(s => s.Window == window))
        {
            if (Noisy(parts[PrivacyBudget.SystemsPart], row.Count) is { } count)
            {
                systems.Add(row with { Count = count });
            }
        }

        return new WindowRelease(window, budget.Epsilon, Noisy(parts[PrivacyBudget.ReportsPart], reports), cells, systems);
    }
}
