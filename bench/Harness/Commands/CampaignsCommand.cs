using System.Diagnostics;
using System.Globalization;
using Pinger.Bench.Harness.Parsing;
using Pinger.Bench.Harness.Processes;

namespace Pinger.Bench.Harness.Commands;

/// <summary>
/// campaigns --of server|client [--size full|ci] [--campaign NAME,NAME] [--minutes 10] [--configuration Release]:
/// runs the campaign test projects (server: test/Server.Campaigns.Tests; client: test/Properties.Tests and
/// test/Host.Campaigns.Tests) against the published tree at the given size, then prints the figures they recorded as
/// one table grouped by campaign. Fails when a campaign failed, or (client) when none recorded a figure.
/// </summary>
internal static class CampaignsCommand
{
    public static int Run(CommandOptions options, RepositoryLayout layout)
    {
        var of = options.Required("of");
        string[] projects = of switch
        {
            "server" => ["test/Server.Campaigns.Tests/Pinger.Server.Campaigns.Tests.csproj"],
            "client" => ["test/Properties.Tests/Pinger.Properties.Tests.csproj", "test/Host.Campaigns.Tests/Pinger.Host.Campaigns.Tests.csproj"],
            _ => throw new HarnessException($"--of is server or client, not '{of}'"),
        };
        var size = options.Text("size", "full");
        if (size is not ("full" or "ci"))
        {
            throw new HarnessException($"--size is full or ci, not '{size}'");
        }

        var work = RepositoryLayout.Fresh(layout.InArtifacts("campaigns", of));
        var figures = Path.Combine(work, "figures.tsv");
        var filter = string.Join("|", options.List("campaign").Select(c => $"FullyQualifiedName~{c}Campaign"));
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        foreach (var project in projects)
        {
            var test = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = layout.Root };
            foreach (var argument in new[] { "test", project, "-c", options.Text("configuration", "Release"), "--nologo", "--results-directory", work, "--logger", $"trx;LogFilePrefix={of}-campaigns", "--logger", "console;verbosity=normal" })
            {
                test.ArgumentList.Add(argument);
            }

            if (filter.Length > 0)
            {
                test.ArgumentList.Add("--filter");
                test.ArgumentList.Add(filter);
            }

            test.Environment["PINGER_PUBLISHED_ROOT"] = layout.RequirePublished(layout.Published);
            test.Environment["PINGER_CAMPAIGN_SIZE"] = size;
            test.Environment["PINGER_CAMPAIGN_FIGURES"] = figures;
            test.Environment["PINGER_CAMPAIGN_LOAD_MINUTES"] = options.Number("minutes", 10).ToString(CultureInfo.InvariantCulture);
            using var process = Process.Start(test) ?? throw new HarnessException("dotnet test did not start");
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                failures.Add($"{Path.GetFileNameWithoutExtension(project)} (exit {process.ExitCode})");
            }
        }

        var rows = File.Exists(figures) ? CampaignFigure.ParseAll(File.ReadAllLines(figures)) : [];
        PrintTable($"{(of == "server" ? "ServerCampaigns" : "ClientCampaigns")} ({size} size) in {clock.Elapsed.TotalMinutes:F1} min", rows);
        Console.WriteLine($"Figures: {figures}; test results: {work}");
        if (rows.Count == 0 && of == "client")
        {
            failures.Add("no campaign recorded a figure");
        }

        return failures.Count == 0 ? 0 : throw new HarnessException("a campaign failed (see its test output above): " + string.Join("; ", failures));
    }

    private static void PrintTable(string title, IReadOnlyList<CampaignFigure> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"{title} on {Machine.Description}; load average {Machine.LoadAverage}");
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
    }
}
