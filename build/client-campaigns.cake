// Client campaigns at full size, loaded by build/fuzz.cake:
//   ./build.sh --target=ClientCampaigns [--campaign-size=full|ci]
// Runs test/Properties.Tests and test/Host.Campaigns.Tests against the published tree with PINGER_CAMPAIGN_SIZE
// (full by default: many more property iterations, every fault repeated) and prints the figures they recorded.

Task("ClientCampaigns")
    .Description("Runs the property tests and the client fault campaigns at full size (--campaign-size=ci for the CI size) against the published pinger, and prints a table of their figures.")
    .IsDependentOn("Build")
    .IsDependentOn("Publish")
    .Does(() =>
{
    var size = Argument("campaign-size", "full");
    var buildConfiguration = Argument("configuration", "Release");
    var work = MakeAbsolute(Directory("./artifacts/client-campaigns"));
    CleanOrCreate(work);
    var figures = work.CombineWithFilePath("figures.tsv");
    var failures = new List<string>();
    var clock = System.Diagnostics.Stopwatch.StartNew();
    foreach (var project in new[] { "./test/Properties.Tests/Pinger.Properties.Tests.csproj", "./test/Host.Campaigns.Tests/Pinger.Host.Campaigns.Tests.csproj" })
    {
        try
        {
            DotNetTest(project, new DotNetTestSettings
            {
                Configuration = buildConfiguration,
                NoBuild = true,
                NoRestore = true,
                NoLogo = true,
                ResultsDirectory = work,
                Loggers = { "trx;LogFilePrefix=campaign", "console;verbosity=minimal" },
                EnvironmentVariables =
                {
                    ["PINGER_CAMPAIGN_SIZE"] = size,
                    ["PINGER_CAMPAIGN_FIGURES"] = figures.FullPath,
                    ["PINGER_PUBLISHED_ROOT"] = MakeAbsolute(Directory("./artifacts/root")).FullPath,
                },
            });
        }
        catch (Exception e)
        {
            failures.Add($"{System.IO.Path.GetFileNameWithoutExtension(project)}: {e.Message}");
        }
    }

    Information("");
    Information($"ClientCampaigns ({size} size): {clock.Elapsed.TotalMinutes:F1} min on {Environment.ProcessorCount} cores, load average {FuzzLoadAverage()}");
    var rows = FileExists(figures)
        ? System.IO.File.ReadAllLines(figures.FullPath).Select(l => l.Split('\t')).Where(p => p.Length == 3).ToList()
        : new List<string[]>();
    foreach (var campaign in rows.GroupBy(r => r[0]))
    {
        Information($"  {campaign.Key}");
        foreach (var row in campaign)
        {
            Information($"    {row[1],-110} {row[2]}");
        }
    }
    if (rows.Count == 0)
    {
        failures.Add("no campaign recorded a figure");
    }
    if (failures.Count > 0)
    {
        throw new CakeException("ClientCampaigns failed: " + string.Join("; ", failures));
    }
});
