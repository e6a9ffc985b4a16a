using Pinger.Bench.Harness;
using Pinger.Bench.Harness.Commands;

// The harness behind build.cake's targets; run from the repository root:
//   dotnet run --project bench/Harness -c Release -- <command> [--option value ...]
const string Usage = """
    usage: pinger-bench-harness <command> [options]   (run from the repository root)
      test-summary --results DIR [--run-error TEXT] [--closing-line FILE]
                                                      the Test target's results; "N passed, N failed" last
      campaigns --of server|client [--size full|ci] [--campaign NAME,NAME] [--minutes 10] [--configuration Release]
      startup --hello PATH [--runs 30] [--root DIR] [--label TEXT]
      reporting [--runs 20] [--skip-blackhole]
      server [--seconds 15]
      totals [--reports 10000000] [--requests 30]
      countme [--sizes 50,200]
      privacy [--machines 100000] [--weeks 52] [--epsilon 1] [--seed 1]
                                                      DP weekly release error table of a synthetic fleet
      plugins --trivial DIR [--runs 30]
      performance                                     the table of this build's bench figures
      fuzz [--seconds 600] [--targets reports,config] [--configuration Release]
      demo [--machines 30000] [--epsilon 20]          seeds a year of a synthetic fleet, starts pinger-server
      docs                                            regenerates the generated docs
      rpm [--runtime linux-x64]                       the RPMs of contrib/rpm/pinger.spec in artifacts/rpm/, and rpmlint
      golden                                          rewrites the golden reports of test/fixtures/expected/
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    var layout = RepositoryLayout.FromCurrentDirectory();
    var options = new CommandOptions(args[1..]);
    return args[0] switch
    {
        "test-summary" => TestSummaryCommand.Run(options, layout),
        "campaigns" => CampaignsCommand.Run(options, layout),
        "startup" => StartupBench.Run(options, layout),
        "reporting" => ReportingBench.Run(options, layout),
        "server" => ServerBench.Run(options, layout),
        "totals" => await TotalsBench.RunAsync(options, layout),
        "countme" => CountmeBench.Run(options, layout),
        "plugins" => PluginsBench.Run(options, layout),
        "performance" => PerformanceTable.Run(layout),
        "fuzz" => FuzzCommand.Run(options, layout),
        "demo" => await DemoCommand.RunAsync(layout, options),
        "docs" => DocsCommand.Run(layout),
        "golden" => GoldenCommand.Run(layout),
        "privacy" => PrivacyBench.Run(options, layout),
        "rpm" => RpmCommand.Run(options, layout),
        _ => throw new HarnessException($"unknown command '{args[0]}'\n{Usage}"),
    };
}
catch (HarnessException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 1;
}
