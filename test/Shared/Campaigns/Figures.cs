using System.Globalization;

namespace Pinger.Testing.Campaigns;

/// <summary>
/// The figures a campaign measured: written to the test's output, and appended as campaign, figure, value (tab
/// separated) to the file named by PINGER_CAMPAIGN_FIGURES, from which the campaign targets print their tables.
/// </summary>
internal static class Figures
{
    private static readonly Lock Gate = new();

    public static void Record(TestContext context, string campaign, string figure, object value)
    {
        var text = value switch
        {
            double d => d.ToString("0.###", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };
        context.WriteLine($"{campaign} [{CampaignSize.Name}]: {figure} = {text}");
        var file = Environment.GetEnvironmentVariable("PINGER_CAMPAIGN_FIGURES");
        if (!string.IsNullOrEmpty(file))
        {
            lock (Gate)
            {
                File.AppendAllText(file, $"{campaign}\t{figure}\t{text}\n");
            }
        }
    }

    /// <summary>"204: 10, 400: 3", ordered by status.</summary>
    public static string Distribution(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"));
}
