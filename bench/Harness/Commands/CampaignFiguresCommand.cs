using Pinger.Bench.Harness.Parsing;
using Pinger.Bench.Harness.Processes;

namespace Pinger.Bench.Harness.Commands;

/// <summary>
/// campaign-figures --file FIGURES.tsv --title TEXT [--require]: prints the figures the campaign tests recorded as
/// one table grouped by campaign; with --require, fails when none was recorded.
/// </summary>
internal static class CampaignFiguresCommand
{
    public static int Run(CommandOptions options)
    {
        var file = options.Required("file");
        var rows = File.Exists(file) ? CampaignFigure.ParseAll(File.ReadAllLines(file)) : [];
        Console.WriteLine();
        Console.WriteLine($"{options.Required("title")} on {Machine.Description}; load average {Machine.LoadAverage}");
        var width = rows.Count == 0 ? 10 : rows.Max(r => r.Figure.Length);
        foreach (var campaign in rows.GroupBy(r => r.Campaign))
        {
            Console.WriteLine();
            Console.WriteLine($"  {campaign.Key}");
            foreach (var row in campaign)
            {
                Console.WriteLine($"    {row.Figure.PadRight(width)}  {row.Value}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Figures: {file}");
        if (rows.Count == 0 && options.Has("require"))
        {
            throw new HarnessException("no campaign recorded a figure");
        }

        return 0;
    }
}
