using Pinger.Plugins.Sdk;
using Pinger.Server.Registry;
using Pinger.Server.Storage;

namespace Pinger.Server.Dashboard;

/// <summary>
/// Picks the latest window of the range with a published count and lists every field's published values there:
/// every minimal field (an empty one says so), and full-level fields that have values; probes in the order of
/// <see cref="ReportFields.PositionOf"/>, most asked-about first.
/// </summary>
public static class SharesBuilder
{
    /// <summary>The most values a field lists before folding the rest into one line.</summary>
    public const int MaxValues = 12;

    /// <summary>The shares of <paramref name="published"/>, as released.</summary>
    public static WindowShares Build(TotalsSnapshot published, FieldRegistry registry, WindowRange range)
    {
        var latest = published.Reports.Where(r => r.Window.Kind == range.Kind && r.Window.Start >= range.From && r.Window.Start <= range.To)
            .MaxBy(r => r.Window.Start);
        if (latest is null)
        {
            return new WindowShares(null, 0, []);
        }

        var cells = published.Cells.Where(c => c.Window == latest.Window).ToLookup(c => c.Field, StringComparer.Ordinal);
        var probes = new List<ProbeShares>();
        foreach (var probe in registry.Probes.OrderBy(p => ReportFields.PositionOf(p.ProbeId)).ThenBy(p => p.ProbeId, StringComparer.Ordinal))
        {
            var fields = probe.Fields
                .Select(f => Field(probe.ProbeId + "." + f.Name, f, cells[probe.ProbeId + "." + f.Name], latest.Reports))
                .Where(f => f.Declaration.Level == MetricsLevel.Minimal || !f.IsEmpty)
                .ToList();
            if (fields.Count > 0)
            {
                probes.Add(new ProbeShares(probe, fields));
            }
        }

        return new WindowShares(latest.Window, latest.Reports, probes);
    }

    private static FieldShares Field(string name, FieldDeclaration declaration, IEnumerable<TotalsCell> cells, long reports)
    {
        var values = cells.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
            .Select(c => KeyValuePair.Create(c.Value, c.Count)).ToList();
        var shown = values.Take(MaxValues).ToList();
        var folded = values.Skip(MaxValues).ToList();
        long? unattributed = declaration.Type == FieldType.TextList ? null : Math.Max(0, reports - values.Sum(v => v.Value));
        return new FieldShares(name, declaration, shown, folded.Count, folded.Sum(v => v.Value), unattributed);
    }
}
