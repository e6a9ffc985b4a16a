// The server's reliability campaigns at full size (docs/reliability.md), loaded by build.cake:
//   ./build.sh --target=ServerCampaigns [--minutes=10] [--campaign=Crash,Load]
// Runs test/Server.Campaigns.Tests against the published pinger-server with PINGER_CAMPAIGN_SIZE=full (CI runs the
// same tests at CI size inside the Test target) and prints the figures they recorded as one table.

Task("ServerCampaigns")
    .Description("The server's reliability campaigns at full size against the published pinger-server: bad-input corpus, 200 kill -9 points per back end (SQLite, PostgreSQL), storage faults, privacy scan, then --minutes=N (default 10) of sustained ingest at 80% of the maximum wrk measures; prints a table of figures. --campaign=NAME[,NAME] runs only those (BadInput, Crash, StorageFault, Privacy, Load). Mounts need root.")
    .IsDependentOn("Publish")
    .Does(() =>
{
    var minutes = Argument("minutes", 10.0);
    var campaign = Argument("campaign", "");
    var work = artifacts.Combine("campaigns/server");
    CleanOrCreate(work);
    var figures = work.CombineWithFilePath("figures.tsv");
    var project = "./test/Server.Campaigns.Tests/Pinger.Server.Campaigns.Tests.csproj";
    var started = Stopwatch.StartNew();
    string failure = null;
    try
    {
        DotNetTest(project, new DotNetTestSettings
        {
            Configuration = configuration,
            NoLogo = true,
            ResultsDirectory = work,
            Filter = campaign.Length > 0
                ? string.Join("|", campaign.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => $"FullyQualifiedName~{c}Campaign"))
                : null,
            Loggers = { "trx;LogFilePrefix=server-campaigns", "console;verbosity=normal" },
            EnvironmentVariables =
            {
                ["PINGER_PUBLISHED_ROOT"] = root.FullPath,
                ["PINGER_CAMPAIGN_SIZE"] = "full",
                ["PINGER_CAMPAIGN_FIGURES"] = figures.FullPath,
                ["PINGER_CAMPAIGN_LOAD_MINUTES"] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        });
    }
    catch (Exception e)
    {
        failure = e.Message;
    }

    Information("");
    Information($"ServerCampaigns (full size) in {started.Elapsed.TotalMinutes:F1} min on {MachineDescription()}; load average {LoadAverage()}");
    var rows = FileExists(figures)
        ? System.IO.File.ReadAllLines(figures.FullPath).Select(l => l.Split('\t')).Where(c => c.Length == 3).ToList()
        : new List<string[]>();
    var figureWidth = rows.Count == 0 ? 10 : rows.Max(r => r[1].Length);
    foreach (var group in rows.GroupBy(r => r[0]))
    {
        Information("");
        Information($"  {group.Key}");
        foreach (var row in group)
        {
            Information($"    {row[1].PadRight(figureWidth)}  {row[2]}");
        }
    }
    Information("");
    Information($"Figures: {figures}; test results: {work}");
    if (failure != null)
    {
        throw new CakeException("ServerCampaigns: a campaign failed (see its test output above): " + failure);
    }
});

// "2 cores, <CPU model>, <memory> GiB", read from /proc, for the figures' context.
string MachineDescription()
{
    var model = System.IO.File.Exists("/proc/cpuinfo")
        ? System.IO.File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim()
        : null;
    var memory = System.IO.File.Exists("/proc/meminfo")
        ? System.IO.File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:"))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
        : null;
    var gib = long.TryParse(memory, out var kib) ? $", {kib / 1024 / 1024} GiB" : "";
    return $"{Environment.ProcessorCount} cores, {model ?? "unknown CPU"}{gib}";
}
