namespace Pinger.Bench.Harness.Parsing;

/// <summary>One line of the figures file the campaign tests append to (campaign, figure, value; tab separated).</summary>
internal sealed record CampaignFigure(string Campaign, string Figure, string Value)
{
    /// <summary>The well-formed lines of a figures file, in order; other lines are left out.</summary>
    public static IReadOnlyList<CampaignFigure> ParseAll(IEnumerable<string> lines) =>
        lines.Select(l => l.Split('\t'))
            .Where(p => p.Length == 3)
            .Select(p => new CampaignFigure(p[0], p[1], p[2]))
            .ToList();
}
