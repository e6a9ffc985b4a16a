// Every build, test, publish, demo and bench target of Pinger. Run it through ./build.sh:
//   ./build.sh --target=Test                  build, publish, run every test project, print "N passed, N failed" last
//   ./build.sh --target=Demo                  publish, serve on loopback with countme history and this machine's report; leaves the dashboard running
//   ./build.sh --target=Bench [--runs=30] [--root=DIR]
//   ./build.sh --target=BenchDashboard [--runs=15]   first render and weight of the dashboard in headless Chromium
//   ./build.sh --target=ServerCampaigns [--minutes=10]   the server's reliability campaigns at full size (docs/reliability.md)
//   ./build.sh --target=Pack                  pack the plugin SDK and its testing package into artifacts/packages/
// Arguments: --configuration=Release (default), --runtime=linux-x64 (default).

#load "build/fuzz.cake"
#load "build/server-campaigns.cake"

using System.Diagnostics;
using System.Xml.Linq;

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var runtime = Argument("runtime", "linux-x64");

var solution = MakeAbsolute(File("./Pinger.slnx"));
var artifacts = MakeAbsolute(Directory("./artifacts"));
var testResults = artifacts.Combine("test-results");

// The installable tree mirrors the target system: artifacts/root/usr/bin/pinger finds its probes
// at <dir of pinger>/../lib/pinger/probes.
var root = artifacts.Combine("root");
var rootBin = root.Combine("usr/bin");
var rootProbes = root.Combine("usr/lib/pinger/probes");
var rootConfig = root.Combine("usr/lib/pinger/config.d");
var rootServer = root.Combine("usr/lib/pinger-server");
var rootServerSchema = root.Combine("usr/lib/pinger-server/schema.d");
var pingerServer = rootBin.CombineWithFilePath("pinger-server");
// Every benchmark's headline figures, for the Performance target's closing table.
var figures = new List<(string Name, string Value, double? Ratio, string Target, bool? Pass)>();
var rootUnits = root.Combine("usr/lib/systemd/system");
var rootPresets = root.Combine("usr/lib/systemd/system-preset");
var pinger = rootBin.CombineWithFilePath("pinger");

// The "N passed, N failed" line the Test target leaves for the very end of the output (after Cake's task table).
string closingLine = null;

// What the Demo target leaves running, printed again after Cake's task table so it is the last thing on screen.
string demoSummary = null;

//////////////////////////////////////////////////////////////////////
// Clean, Restore, Build
//////////////////////////////////////////////////////////////////////

Task("Clean")
    .Description("Removes artifacts/ and the solution's build output.")
    .Does(() =>
{
    if (DirectoryExists(artifacts))
    {
        DeleteDirectory(artifacts, new DeleteDirectorySettings { Recursive = true, Force = true });
    }
    DotNetClean(solution.FullPath, new DotNetCleanSettings { Configuration = configuration, NoLogo = true });
});

Task("Restore")
    .Description("Restores the solution's packages.")
    .Does(() =>
{
    DotNetRestore(solution.FullPath);
});

Task("Build")
    .Description("Builds Pinger.slnx.")
    .IsDependentOn("Restore")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings
    {
        Configuration = configuration,
        NoRestore = true,
        NoLogo = true,
    });
});

//////////////////////////////////////////////////////////////////////
// Test
//////////////////////////////////////////////////////////////////////

Task("Test")
    .Description("Runs every test project of Pinger.slnx; fails when a test fails, a project does not run, or no test ran.")
    .IsDependentOn("Build")
    // The end-to-end tests run the tree Publish lays out (PINGER_PUBLISHED_ROOT), the one that ships.
    .IsDependentOn("Publish")
    .Does(() =>
{
    var testProjects = TestProjectsOf(solution);
    var problems = new List<string>();
    foreach (var stray in TestProjectsOutside(testProjects))
    {
        problems.Add($"{stray} is not in Pinger.slnx, so its tests never run: add it to the solution");
    }

    EnsureDirectoryExists(testResults);
    CleanDirectory(testResults);
    string runError = null;
    try
    {
        DotNetTest(solution.FullPath, new DotNetTestSettings
        {
            Configuration = configuration,
            NoBuild = true,
            NoRestore = true,
            NoLogo = true,
            ResultsDirectory = testResults,
            EnvironmentVariables = { ["PINGER_PUBLISHED_ROOT"] = root.FullPath },
            // One file per test project; the prefix keeps them from overwriting each other.
            // The console shows failures only; the summary below lists every project.
            Loggers = { "trx;LogFilePrefix=pinger", "console;verbosity=minimal" },
            // A hung test is killed (and reported) instead of holding CI until its time runs out.
            ArgumentCustomization = args => args
                .Append("--blame-hang-timeout").Append("2m")
                .Append("--blame-hang-dump-type").Append("none"),
        });
    }
    catch (Exception e)
    {
        // A failed test makes dotnet test exit non-zero too; the results below tell it apart from a run that broke.
        runError = e.Message;
    }

    var runs = GetFiles(testResults.FullPath + "/*.trx").Select(TestRunSummary.Read).ToList();
    var total = TestRunSummary.Sum(runs);

    Information("");
    Information("Test results (" + testResults + "):");
    foreach (var run in runs.OrderBy(r => r.Assembly))
    {
        Information($"  {run.Assembly,-40} {run.Passed,5} passed {run.Failed,5} failed {run.Skipped,5} skipped  ({run.Outcome})");
        foreach (var failure in run.Failures)
        {
            Information($"      FAILED {failure}");
        }
    }

    if (runs.Count < testProjects.Count)
    {
        problems.Add($"only {runs.Count} of {testProjects.Count} test projects wrote results");
    }
    foreach (var run in runs.Where(r => r.Broke))
    {
        problems.Add($"{run.Assembly}: the test run did not complete ({run.Outcome}{run.RunError})");
    }
    if (runError != null && problems.Count == 0 && total.Failed == 0)
    {
        problems.Add($"dotnet test failed although no test did: {runError}");
    }

    // A project that could not run counts as one failure, so the closing line never reads "0 failed" on a red run.
    var failed = total.Failed + problems.Count;
    if (total.Passed + total.Failed == 0)
    {
        problems.Add("no test ran");
    }
    closingLine = $"{total.Passed} passed, {failed} failed" + (total.Skipped > 0 ? $", {total.Skipped} skipped" : "");
    if (total.Failed > 0)
    {
        problems.Insert(0, $"{total.Failed} test(s) failed");
    }
    if (problems.Count > 0)
    {
        throw new CakeException("Test failed: " + string.Join("; ", problems));
    }
});

//////////////////////////////////////////////////////////////////////
// Publish
//////////////////////////////////////////////////////////////////////

Task("Publish")
    .Description("Lays out the installable tree under artifacts/root/ (usr/bin/pinger, usr/lib/pinger/probes/<id>/, config.d, systemd units).")
    .Does(() =>
{
    if (DirectoryExists(root))
    {
        DeleteDirectory(root, new DeleteDirectorySettings { Recursive = true, Force = true });
    }

    // The host: one framework-dependent file, precompiled (ReadyToRun) because it starts once per report.
    var hostStaging = artifacts.Combine("publish/host");
    CleanOrCreate(hostStaging);
    DotNetPublish("./Host/Pinger.Host.csproj", PublishTo(hostStaging, singleFile: true));
    CopyWithoutSymbols(hostStaging, rootBin);

    // The probes: published together, in parallel, through a solution generated here (one dotnet publish per
    // probe costs seconds each). The SDK they reference is built as for the host: not listed, so it stays
    // RID-neutral, and in the same configuration (the solution would otherwise build it as Debug).
    var probeProjects = GetFiles("./Probes/*/*.csproj").OrderBy(p => p.FullPath).ToList();
    foreach (var twin in probeProjects.GroupBy(p => p.GetDirectory().FullPath).Where(g => g.Count() > 1))
    {
        throw new CakeException($"{twin.Key} holds {twin.Count()} projects; a probe folder holds exactly one.");
    }
    if (probeProjects.Count > 0)
    {
        var published = artifacts.Combine("build/publish");
        if (DirectoryExists(published))
        {
            // No stale files from a renamed or removed dependency.
            DeleteDirectory(published, new DeleteDirectorySettings { Recursive = true, Force = true });
        }
        var probesSolution = artifacts.CombineWithFilePath("publish/probes.slnx");
        EnsureDirectoryExists(probesSolution.GetDirectory());
        System.IO.File.WriteAllText(probesSolution.FullPath,
            "<Solution>\n" + string.Concat(probeProjects.Select(p => $"  <Project Path=\"{p.FullPath}\" />\n")) + "</Solution>\n");
        var settings = PublishTo(null, singleFile: false);
        settings.PublishReadyToRun = true;
        settings.MSBuildSettings.WithProperty("ShouldUnsetParentConfigurationAndPlatform", "false");
        DotNetPublish(probesSolution.FullPath, settings);

        // Each probe gets its own folder, named after its project folder, without the SDK the host already carries.
        foreach (var project in probeProjects)
        {
            var id = project.GetDirectory().GetDirectoryName();
            var output = GetSubDirectories(published.Combine(project.GetFilenameWithoutExtension().FullPath)).Single();
            var probeDir = rootProbes.Combine(id);
            CopyWithoutSymbols(output, probeDir);
            foreach (var sdk in GetFiles(probeDir.FullPath + "/Pinger.Plugins.Sdk.*"))
            {
                Warning($"{id}: publish output contains {sdk.GetFilename()}; removed (the host's copy must be the only one).");
                DeleteFile(sdk);
            }
        }
    }

    EnsureDirectoryExists(rootConfig);
    CopyFiles("./contrib/config.d/*.toml", rootConfig);

    // The server: framework-dependent files in usr/lib/pinger-server/ (its SQLite native library stays a plain
    // file beside it, never extracted at run time), started through a link in usr/bin.
    var serverStaging = artifacts.Combine("publish/server");
    CleanOrCreate(serverStaging);
    DotNetPublish("./Server/Pinger.Server/Pinger.Server.csproj", PublishTo(serverStaging, singleFile: false));
    CopyWithoutSymbols(serverStaging, rootServer);
    foreach (var leftover in GetFiles(rootServer.FullPath + "/*.xml"))
    {
        DeleteFile(leftover);
    }
    EnsureDirectoryExists(rootBin);
    var serverLink = rootBin.CombineWithFilePath("pinger-server").FullPath;
    if (System.IO.File.Exists(serverLink))
    {
        System.IO.File.Delete(serverLink);
    }
    System.IO.File.CreateSymbolicLink(serverLink, "../lib/pinger-server/pinger-server");

    // The server learns the distribution's fields from the schema file the published client writes.
    EnsureDirectoryExists(rootServerSchema);
    var schema = new ProcessStartInfo(pinger.FullPath) { RedirectStandardOutput = true, RedirectStandardError = true };
    schema.ArgumentList.Add("schema");
    using (var process = Process.Start(schema))
    {
        var text = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new CakeException("pinger schema failed: " + errors);
        }
        System.IO.File.WriteAllText(rootServerSchema.CombineWithFilePath("pinger.json").FullPath, text);
    }

    // Units go to usr/lib/systemd/system/; preset files to usr/lib/systemd/system-preset/, where systemd reads them.
    foreach (var file in GetFiles("./contrib/systemd/*").Concat(GetFiles("./contrib/server/*.service")))
    {
        var into = file.GetExtension() == ".preset" ? rootPresets : rootUnits;
        EnsureDirectoryExists(into);
        CopyFileToDirectory(file, into);
    }

    Information("");
    Information("Published " + root + ":");
    foreach (var file in GetFiles(root.FullPath + "/**/*").OrderBy(f => f.FullPath))
    {
        Information($"  {root.GetRelativePath(file)}  ({new FileInfo(file.FullPath).Length / 1024} KiB)");
    }
});

//////////////////////////////////////////////////////////////////////
// Demo
//////////////////////////////////////////////////////////////////////

Task("Demo")
    .Description("Publishes, starts the published pinger-server on SQLite (loopback, a temporary state directory) with Fedora's public 2021 countme totals imported (when ../shared/data has them), sends it real reports from pinger run, shows the totals it publishes, and leaves it running in the background with its dashboard URL and the command that stops it.")
    .IsDependentOn("Publish")
    .Does(() =>
{
    var demo = artifacts.Combine("demo");

    // A server left running by an earlier Demo holds the state directory: stop it before starting afresh.
    var pidFile = demo.CombineWithFilePath("server.pid");
    StopDemoServer(pidFile);
    CleanOrCreate(demo);
    void Write(DirectoryPath directory, string name, string text)
    {
        EnsureDirectoryExists(directory);
        System.IO.File.WriteAllText(directory.CombineWithFilePath(name).FullPath, text);
    }

    // 1. The server, with the embedded default storage (SQLite) in a temporary state directory. Totals are
    //    normally withheld below 10 machines; a demo with two machines shows them from 1.
    var port = FreeLoopbackPort();
    var url = $"http://127.0.0.1:{port}";
    var serverConfig = demo.Combine("server-config");
    var serverState = demo.Combine("server-state");
    Write(serverConfig, "50-demo.toml", "[publishing]\nmin_count = 1\n");

    // 2. History for the dashboard: Fedora's public countme totals of four weeks of 2021, read from beside the
    //    checkout (never copied into the repository), imported before the server opens the database.
    var countmeTotals = MakeAbsolute(File("../shared/data/fedora-countme-totals-2021/totals.csv"));
    if (FileExists(countmeTotals))
    {
        Information("");
        Information("== Importing Fedora's public countme totals (2020-12-28 to 2021-01-24)");
        var failure = ShowRun(pingerServer, $"import-totals --state-dir {serverState.FullPath} --config-dir {serverConfig.FullPath} {countmeTotals.FullPath}");
        if (failure != null)
        {
            throw new CakeException("Demo failed: " + failure);
        }
    }
    else
    {
        Warning($"{countmeTotals} is missing: the demo runs without countme history (the dashboard then shows this run's reports only).");
    }

    // The server runs in a session of its own, with its output in a log file, so it outlives this build
    // (and a Ctrl-C in this terminal) until it is stopped with the command printed at the end.
    var serverLog = demo.CombineWithFilePath("server.log");
    var launch = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true };
    foreach (var argument in new[] { "-c", "setsid \"$0\" \"$@\" >\"$LOG\" 2>&1 </dev/null & echo $!", pingerServer.FullPath,
        "--urls", url, "--state-dir", serverState.FullPath, "--config-dir", serverConfig.FullPath, "--schema-dir", rootServerSchema.FullPath })
    {
        launch.ArgumentList.Add(argument);
    }
    launch.Environment["LOG"] = serverLog.FullPath;
    Information("");
    Information($"Starting {pingerServer} on {url} (SQLite in {serverState}, log in {serverLog})");
    int serverPid;
    using (var shell = Process.Start(launch))
    {
        serverPid = int.Parse(shell.StandardOutput.ReadToEnd().Trim());
        shell.WaitForExit();
    }
    System.IO.File.WriteAllText(pidFile.FullPath, serverPid + "\n");
    var serverProcess = Process.GetProcessById(serverPid);
    var succeeded = false;
    using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(5) };
    try
    {
        WaitUntilReady(url + "/readyz", serverProcess);

        // 3. Two machines report: this one, and a Fedora CoreOS on AWS (a fixture tree).
        var failures = new List<string>();
        var clientConfig = demo.Combine("client-config");
        Write(clientConfig, "50-demo.toml", $"[reporting]\nlevel = \"full\"\nserver = \"{url}/\"\n");
        var fixture = MakeAbsolute(Directory("./test/fixtures/roots/fcos-aws")).FullPath;
        foreach (var (name, extra) in new[] { ("this-machine", ""), ("fcos-aws", $" --root {fixture}") })
        {
            var common = $"--config-dir {clientConfig.FullPath} --state-dir {demo.Combine("client-state-" + name).FullPath} --runtime-dir {demo.Combine("client-run-" + name).FullPath}{extra}";
            Information("");
            Information($"== pinger --dry-run ({name}): exactly what will be sent");
            var failure = ShowRun(pinger, "--dry-run " + common);
            if (failure != null) failures.Add(failure);
            Information($"== pinger run ({name})");
            failure = ShowRun(pinger, "run " + common);
            if (failure != null) failures.Add(failure);
        }

        // 4. A countme request, as libdnf sends it to a metalink, is counted the same way.
        var metalink = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, url + "/metalink?repo=fedora-41&arch=x86_64&countme=2");
        metalink.Headers.TryAddWithoutValidation("User-Agent", "libdnf (Fedora Linux 41; coreos; Linux.x86_64)");
        Information("");
        Information($"== GET /metalink with a libdnf User-Agent: {(int)http.SendAsync(metalink).Result.StatusCode}");

        // 5. What the server publishes.
        foreach (var path in new[] { "/v1/totals?window=week", "/v1/countme/totals.csv?provisional=1" })
        {
            Information("");
            Information($"== GET {path}");
            var text = http.GetStringAsync(url + path).Result;
            var lines = text.Split('\n');
            Information(lines.Length > 12 ? string.Join("\n", lines.Take(12)) + $"\n... ({lines.Length - 12} more lines)" : text);
        }

        // 6. The dashboard is drawn from those same totals.
        var page = http.GetAsync(url + "/").Result;
        if (!page.IsSuccessStatusCode)
        {
            failures.Add($"GET / answered {(int)page.StatusCode}");
        }

        if (failures.Count > 0)
        {
            throw new CakeException("Demo failed: " + string.Join("; ", failures));
        }
        succeeded = true;
    }
    finally
    {
        if (!succeeded)
        {
            StopDemoServer(pidFile);
        }
    }

    demoSummary = $"pinger-server keeps running in the background (pid {serverPid}); its database is in {serverState}.\n"
        + $"  Dashboard:  {url}/\n"
        + $"  Stop it:    kill -TERM {serverPid}\n"
        + "  (the next Demo run stops it too)";
    Information("");
    Information(demoSummary);
});

// Stops the server an earlier Demo left running, named by its pid file, if that process is still pinger-server.
void StopDemoServer(FilePath pidFile)
{
    if (!FileExists(pidFile))
    {
        return;
    }
    var text = System.IO.File.ReadAllText(pidFile.FullPath).Trim();
    System.IO.File.Delete(pidFile.FullPath);
    if (!int.TryParse(text, out var pid) || !System.IO.File.Exists($"/proc/{pid}/cmdline")
        || !System.IO.File.ReadAllText($"/proc/{pid}/cmdline").Contains("pinger-server"))
    {
        return;
    }
    Information($"Stopping the pinger-server of an earlier Demo (pid {pid})");
    using var process = Process.GetProcessById(pid);
    // SIGTERM: the server commits what it acknowledged, then exits.
    Process.Start("kill", new[] { "-TERM", pid.ToString() }).WaitForExit();
    if (!process.WaitForExit(15000))
    {
        throw new CakeException($"the earlier demo server (pid {pid}) did not stop within 15 s of SIGTERM");
    }
}

//////////////////////////////////////////////////////////////////////
// Bench
//////////////////////////////////////////////////////////////////////

Task("Bench")
    .Description("Compares the startup time and memory of `pinger --dry-run` with a hello world published the same way.")
    .IsDependentOn("Publish")
    .Does(() =>
{
    var runs = Argument("runs", 30);
    var benchRoot = Argument<string>("root", null);
    const int warmUps = 3;
    const double maxRatio = 3.0;
    const double maxRssMiB = 60.0;

    var helloStaging = artifacts.Combine("bench/hello");
    CleanOrCreate(helloStaging);
    DotNetPublish("./bench/HelloWorld/HelloWorld.csproj", PublishTo(helloStaging, singleFile: true));
    var hello = helloStaging.CombineWithFilePath("hello");

    var pingerArgs = new List<string> { "--dry-run" };
    if (!string.IsNullOrEmpty(benchRoot))
    {
        pingerArgs.Add("--root");
        pingerArgs.Add(MakeAbsolute(Directory(benchRoot)).FullPath);
    }
    var pingerRun = new TimedCommand("pinger " + string.Join(" ", pingerArgs), pinger.FullPath, pingerArgs);
    var helloRun = new TimedCommand("hello world", hello.FullPath, new List<string>());

    // Interleaved, alternating which goes first, so drift on a shared machine hits both alike.
    var loadBefore = LoadAverage();
    for (var i = 0; i < warmUps; i++)
    {
        pingerRun.Run(record: false);
        helloRun.Run(record: false);
    }
    for (var i = 0; i < runs; i++)
    {
        var pair = i % 2 == 0 ? new[] { pingerRun, helloRun } : new[] { helloRun, pingerRun };
        foreach (var command in pair)
        {
            command.Run(record: true);
        }
    }

    var pingerRss = PeakRssKiB(pingerRun);
    var helloRss = PeakRssKiB(helloRun);
    var ratio = pingerRun.Median / helloRun.Median;

    var width = Math.Max(24, pingerRun.Name.Length + 2);
    string Label(string text) => "  " + text.PadRight(width);

    Information("");
    Information($"Bench: {runs} interleaved runs each after {warmUps} warm-up runs ({configuration}, {runtime}, single-file, ReadyToRun)");
    Information($"  load average before and after: {loadBefore} / {LoadAverage()} on {Environment.ProcessorCount} cores");
    Information($"{Label("")} {"median",10} {"p90",10}");
    foreach (var command in new[] { pingerRun, helloRun })
    {
        Information($"{Label(command.Name)} {command.Median,7:F1} ms {command.P90,7:F1} ms" + (command.Failures > 0 ? $"  ({command.Failures} runs exited non-zero)" : ""));
    }
    Information($"{Label("ratio of medians")} {ratio,10:F2}   target <= {maxRatio:F1}       {Verdict(ratio <= maxRatio && pingerRun.Failures == 0)}");
    Figure("pinger --dry-run vs hello world (start-up)", $"{pingerRun.Median:F1} vs {helloRun.Median:F1} ms", ratio, $"<= {maxRatio:F1}", ratio <= maxRatio && pingerRun.Failures == 0);
    if (pingerRss is null)
    {
        Information($"{Label("peak RSS of pinger")} {"n/a",10}   (/usr/bin/time not found)");
    }
    else
    {
        var mib = pingerRss.Value / 1024.0;
        var helloText = helloRss is null ? "" : $"  (hello world: {helloRss.Value / 1024.0:F1} MiB)";
        Information($"{Label("peak RSS of pinger")} {mib,6:F1} MiB   target <= {maxRssMiB:F0} MiB  {Verdict(mib <= maxRssMiB)}{helloText}");
        Figure("pinger --dry-run peak RSS", $"{mib:F1} MiB", helloRss is null ? null : pingerRss.Value / (double)helloRss.Value, $"<= {maxRssMiB:F0} MiB", mib <= maxRssMiB);
    }
    if (pingerRun.Failures > 0)
    {
        Warning($"pinger exited non-zero in {pingerRun.Failures} runs; its last error output:");
        Warning(pingerRun.LastError);
    }

    Information("");
    Information("Where the time goes (PINGER_TIMINGS=1 pinger " + string.Join(" ", pingerArgs) + "):");
    var timings = pingerRun.RunOnce(new Dictionary<string, string> { ["PINGER_TIMINGS"] = "1" });
    var timingLines = timings.Stderr.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
    if (timingLines.Count == 0)
    {
        Information("  nothing was reported on stderr");
    }
    foreach (var line in timingLines)
    {
        Information("  " + line);
    }
});

Task("BenchReporting")
    .Description("Reporting figures: full vs minimal dry-run, the cost of sending over a dry-run, and the wall time of a run against a black-holed server with the default budget (--skip-blackhole to leave that out).")
    .IsDependentOn("Publish")
    .Does(() =>
{
    var runs = Argument("runs", 20);
    var skipBlackHole = HasArgument("skip-blackhole");
    var work = artifacts.Combine("bench/reporting");
    CleanOrCreate(work);
    string Config(string name, string toml)
    {
        var dir = work.Combine("config-" + name);
        EnsureDirectoryExists(dir);
        System.IO.File.WriteAllText(dir.CombineWithFilePath("50-bench.toml").FullPath, toml);
        return dir.FullPath;
    }

    // A local server that acknowledges every report at once, as a healthy server would.
    using var server = new System.Net.HttpListener();
    var port = FreeLoopbackPort();
    server.Prefixes.Add($"http://127.0.0.1:{port}/");
    server.Start();
    var serving = System.Threading.Tasks.Task.Run(() =>
    {
        while (server.IsListening)
        {
            try
            {
                var context = server.GetContext();
                context.Request.InputStream.CopyTo(System.IO.Stream.Null);
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
            catch (Exception) when (!server.IsListening)
            {
            }
        }
    });

    var state = work.Combine("state").FullPath;
    var minimal = Config("minimal", "[reporting]\nlevel = \"minimal\"\n");
    var full = Config("full", "[reporting]\nlevel = \"full\"\n");
    var sending = Config("send", $"[reporting]\nlevel = \"minimal\"\nserver = \"http://127.0.0.1:{port}/\"\n");
    var dryMinimal = new TimedCommand("dry-run, minimal", pinger.FullPath, new List<string> { "--dry-run", "--config-dir", minimal, "--state-dir", state });
    var dryFull = new TimedCommand("dry-run, full", pinger.FullPath, new List<string> { "--dry-run", "--config-dir", full, "--state-dir", state });
    var drySend = new TimedCommand("dry-run, with server", pinger.FullPath, new List<string> { "--dry-run", "--config-dir", sending, "--state-dir", state });
    var run = new TimedCommand("run (collect + send)", pinger.FullPath, new List<string> { "run", "--config-dir", sending, "--state-dir", state, "--runtime-dir", work.Combine("run").FullPath });

    // Every run starts from an empty state directory, so a window is always due and the report is really sent.
    void Fresh() { if (System.IO.Directory.Exists(state)) System.IO.Directory.Delete(state, true); }
    var all = new[] { dryMinimal, dryFull, drySend, run };
    for (var i = 0; i < 3 + runs; i++)
    {
        foreach (var command in i % 2 == 0 ? all : all.Reverse())
        {
            Fresh();
            command.Run(record: i >= 3);
        }
    }

    Information("");
    Information($"BenchReporting: {runs} interleaved runs each after 3 warm-up runs; load average {LoadAverage()} on {Environment.ProcessorCount} cores");
    foreach (var command in all)
    {
        Information($"  {command.Name,-26} {command.Median,7:F1} ms median {command.P90,7:F1} ms p90" + (command.Failures > 0 ? $"  ({command.Failures} runs exited non-zero: {command.LastError.Trim()})" : ""));
    }
    var fullRatio = dryFull.Median / dryMinimal.Median;
    var sendCost = run.Median - drySend.Median;
    Information($"  full / minimal dry-run       {fullRatio,7:F2}        target <= 1.2     {Verdict(fullRatio <= 1.2)}");
    Information($"  run minus dry-run            {sendCost,7:F1} ms     target <= 30 ms   {Verdict(sendCost <= 30 && run.Failures == 0)}");

    // Each run is paired with the dry-run next to it in the same round: the median of those differences shrugs
    // off the machine's slow spells better than the difference of two medians. Shown for reading, not judged.
    var paired = run.Samples.Zip(drySend.Samples, (r, d) => r - d).OrderBy(d => d).ToList();
    Information($"  (median of paired differences {paired[paired.Count / 2],6:F1} ms over {paired.Count} rounds)");
    Figure("full / minimal --dry-run", $"{dryFull.Median:F1} vs {dryMinimal.Median:F1} ms", fullRatio, "<= 1.2", fullRatio <= 1.2);
    Figure("run (collect + send) minus --dry-run", $"{sendCost:F1} ms", run.Median / drySend.Median, "<= 30 ms", sendCost <= 30 && run.Failures == 0);
    server.Stop();

    if (!skipBlackHole)
    {
        // A server that accepts connections and never answers: the run must end within its budget (default 60 s).
        using var hole = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        hole.Start();
        var held = new List<System.Net.Sockets.Socket>();
        var holding = System.Threading.Tasks.Task.Run(async () =>
        {
            try { while (true) held.Add(await hole.AcceptSocketAsync()); } catch (Exception) { }
        });
        var holePort = ((System.Net.IPEndPoint)hole.LocalEndpoint).Port;
        var blackHoled = Config("blackhole", $"[reporting]\nlevel = \"minimal\"\nserver = \"http://127.0.0.1:{holePort}/\"\n");
        var stuck = new TimedCommand("run, black-holed server", pinger.FullPath, new List<string> { "run", "--config-dir", blackHoled, "--state-dir", state, "--runtime-dir", work.Combine("run").FullPath });
        Fresh();
        var result = stuck.RunOnce();
        hole.Stop();
        held.ForEach(s => s.Dispose());
        Information($"  run, black-holed server      {result.Milliseconds / 1000,7:F1} s      budget 60 s       {Verdict(result.Milliseconds <= 60_000 && result.ExitCode == 0)}  (exit {result.ExitCode})");
        Figure("run against a black-holed server", $"{result.Milliseconds / 1000:F1} s", result.Milliseconds / 60_000, "<= 60 s budget", result.Milliseconds <= 60_000 && result.ExitCode == 0);
        foreach (var line in result.Stderr.Split('\n').Where(l => l.Contains("not reached")))
        {
            Information("    " + line.Trim());
        }
    }
});

Task("BenchServer")
    .Description("Ingest throughput of the published pinger-server under wrk (a fresh nonce per report) against nginx answering 204 to the same POSTs, in the same run: SQLite with 1 wrk thread and 32 connections; then, when PostgreSQL is installed, one server instance against two sharing one database (two wrk processes of 16 connections each). Installs wrk and nginx with apt-get when missing (as root).")
    .IsDependentOn("Publish")
    .Does(() =>
{
    var seconds = Argument("seconds", 15);
    foreach (var (tool, package) in new[] { ("/usr/bin/wrk", "wrk"), ("/usr/sbin/nginx", "nginx") })
    {
        if (!System.IO.File.Exists(tool))
        {
            Information($"Installing {package} (apt-get)");
            if (StartProcess("apt-get", new ProcessSettings { Arguments = $"install -y -qq {package}" }) != 0)
            {
                throw new CakeException($"{tool} is missing and apt-get could not install {package}");
            }
        }
    }

    var work = artifacts.Combine("bench/server");
    CleanOrCreate(work);
    var script = MakeAbsolute(File("./bench/server/report.lua")).FullPath;

    // nginx: the ceiling for an HTTP server on this machine.
    var nginxPort = FreeLoopbackPort();
    var nginxConf = work.CombineWithFilePath("nginx.conf").FullPath;
    System.IO.File.WriteAllText(nginxConf, System.IO.File.ReadAllText("./bench/server/nginx.conf.template")
        .Replace("@DIR@", work.FullPath).Replace("@PORT@", nginxPort.ToString()));
    var running = new List<Process>();
    running.Add(Process.Start(new ProcessStartInfo("/usr/sbin/nginx", $"-c {nginxConf} -p {work.FullPath}") { UseShellExecute = false }));
    ThrowawayPostgres postgres = null;

    // Several wrk processes at once, each on its own port; the answer sums their rates and keeps the worst p99.
    WrkResult Wrk(int duration, int connections, params int[] ports)
    {
        var processes = ports.Select(port => Process.Start(new ProcessStartInfo("/usr/bin/wrk", $"-t1 -c{connections} -d{duration}s --latency -s {script} http://127.0.0.1:{port}/v1/reports") { RedirectStandardOutput = true, UseShellExecute = false })).ToList();
        var results = processes.Select(p => { var text = p.StandardOutput.ReadToEnd(); p.WaitForExit(); p.Dispose(); return WrkResult.Parse(text); }).ToList();
        return WrkResult.Sum(results);
    }

    try
    {
        // pinger-server: SQLite in a fresh state directory, the distribution's schema, no rate limit.
        var sqlitePort = FreeLoopbackPort();
        var sqlite = StartPingerServer(work.Combine("sqlite"), sqlitePort, "");
        running.Add(sqlite);
        WaitUntilReady($"http://127.0.0.1:{sqlitePort}/readyz", sqlite);
        WaitUntilReady($"http://127.0.0.1:{nginxPort}/", running[0], anyAnswer: true);

        // Warm both up (JIT, SQLite cache), then measure, one after the other.
        Wrk(3, 32, nginxPort);
        Wrk(3, 32, sqlitePort);
        var nginxRun = Wrk(seconds, 32, nginxPort);
        var serverRun = Wrk(seconds, 32, sqlitePort);
        StopProcess(sqlite);
        var ratio = serverRun.RequestsPerSecond / nginxRun.RequestsPerSecond;
        Information("");
        Information($"BenchServer: wrk -t1 -c32 -d{seconds}s, a minimal report with a fresh nonce per request; load average {LoadAverage()} on {Environment.ProcessorCount} cores");
        Information($"  nginx 204           {nginxRun.RequestsPerSecond,10:F0} req/s   p99 {nginxRun.P99,8}   non-2xx {nginxRun.Non2xx}");
        Information($"  pinger-server       {serverRun.RequestsPerSecond,10:F0} req/s   p99 {serverRun.P99,8}   non-2xx {serverRun.Non2xx}   (SQLite)");
        Information($"  ratio               {ratio,10:F2}          target >= 0.4   {Verdict(ratio >= 0.4)}");
        Information($"  p99 under 5 ms      {serverRun.P99,10}          {Verdict(serverRun.P99Milliseconds < 5)}");
        Figure("Ingest, SQLite vs nginx 204 (wrk -c32)", $"{serverRun.RequestsPerSecond:F0} vs {nginxRun.RequestsPerSecond:F0} req/s", ratio, ">= 0.4", ratio >= 0.4);
        Figure("Ingest p99, SQLite", serverRun.P99, null, "< 5 ms", serverRun.P99Milliseconds < 5);

        postgres = ThrowawayPostgres.TryStart(work.Combine("postgres"));
        if (postgres is null)
        {
            Information("  PostgreSQL          not measured: initdb and pg_ctl were not found (apt-get install postgresql)");
            return;
        }

        // Two instances against one database: what a second machine (here: a second process) adds.
        var toml = $"[storage]\nbackend = \"postgresql\"\npostgresql_connection = \"{postgres.ConnectionString}\"\n";
        var firstPort = FreeLoopbackPort();
        var first = StartPingerServer(work.Combine("pg-1"), firstPort, toml);
        running.Add(first);
        WaitUntilReady($"http://127.0.0.1:{firstPort}/readyz", first);
        Wrk(3, 16, firstPort, firstPort);
        var oneInstance = Wrk(seconds, 16, firstPort, firstPort);
        var secondPort = FreeLoopbackPort();
        var second = StartPingerServer(work.Combine("pg-2"), secondPort, toml);
        running.Add(second);
        WaitUntilReady($"http://127.0.0.1:{secondPort}/readyz", second);
        Wrk(3, 16, secondPort);
        var twoInstances = Wrk(seconds, 16, firstPort, secondPort);
        var scaling = twoInstances.RequestsPerSecond / oneInstance.RequestsPerSecond;
        Information($"  PostgreSQL, 1 instance  {oneInstance.RequestsPerSecond,6:F0} req/s   p99 {oneInstance.P99,8}   non-2xx {oneInstance.Non2xx}   (2 wrk x 16 connections)");
        Information($"  PostgreSQL, 2 instances {twoInstances.RequestsPerSecond,6:F0} req/s   p99 {twoInstances.P99,8}   non-2xx {twoInstances.Non2xx}   (one wrk x 16 each)");
        Information($"  2 instances / 1     {scaling,10:F2}          (both instances, PostgreSQL and wrk share {Environment.ProcessorCount} cores)");
        Figure("Ingest, PostgreSQL, 1 instance (2 wrk x c16)", $"{oneInstance.RequestsPerSecond:F0} req/s, p99 {oneInstance.P99}", oneInstance.RequestsPerSecond / nginxRun.RequestsPerSecond, "(vs nginx)", null);
        Figure("Ingest, PostgreSQL, 2 instances vs 1", $"{twoInstances.RequestsPerSecond:F0} req/s", scaling, "(measured)", null);
    }
    finally
    {
        foreach (var process in running)
        {
            StopProcess(process);
        }

        postgres?.Dispose();
    }
});

Task("BenchTotals")
    .Description("Totals latency after 10 million counted reports over 52 weeks (SQLite): seeds the counters through the server's own report reader (bench/TotalsSeed), then times /v1/totals for 52 weekly windows against /healthz in the same run.")
    .IsDependentOn("Publish")
    .Does(() =>
{
    var reports = Argument("reports", 10_000_000L);
    var requests = Argument("requests", 30);
    var work = artifacts.Combine("bench/totals");
    CleanOrCreate(work);
    var state = work.Combine("sqlite/state");
    DotNetRun("./bench/TotalsSeed/TotalsSeed.csproj",
        new ProcessArgumentBuilder().AppendQuoted(state.FullPath).AppendQuoted(rootServerSchema.FullPath).Append(reports.ToString()),
        new DotNetRunSettings { Configuration = "Release" });

    var port = FreeLoopbackPort();
    var server = StartPingerServer(work.Combine("sqlite"), port, "");
    try
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        WaitUntilReady(baseUrl + "/readyz", server);
        var today = DateTime.UtcNow.Date;
        var thisWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var range = $"window=week&from={thisWeek.AddDays(-7 * 51):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var probes = new[]
        {
            new TimedRequest("GET /healthz (baseline)", baseUrl + "/healthz"),
            new TimedRequest("GET /v1/totals, 52 weeks (JSON)", $"{baseUrl}/v1/totals?{range}"),
            new TimedRequest("GET /v1/totals.csv, 52 weeks", $"{baseUrl}/v1/totals.csv?{range}"),
            new TimedRequest("GET /v1/totals, 52 weeks, one field", $"{baseUrl}/v1/totals?{range}&field=os-versions.version"),
        };
        using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        for (var i = 0; i < 3 + requests; i++)
        {
            foreach (var probe in i % 2 == 0 ? probes : probes.Reverse())
            {
                probe.Run(http, record: i >= 3);
            }
        }

        // The answer must hold what was seeded: every report once in its week.
        var answer = System.Text.Json.Nodes.JsonNode.Parse(http.GetStringAsync($"{baseUrl}/v1/totals?{range}").Result);
        var weeklyReports = answer["reports"].AsArray().Sum(r => (long)r["count"]);
        var baseline = probes[0].Median;
        Information("");
        Information($"BenchTotals: {reports:N0} counted reports over 52 weeks (SQLite), {requests} interleaved requests each after 3 warm-ups; load average {LoadAverage()} on {Environment.ProcessorCount} cores");
        foreach (var probe in probes)
        {
            Information($"  {probe.Name,-38} {probe.Median,7:F1} ms median {probe.P90,7:F1} ms p90 {probe.Bytes / 1024.0,9:F1} KiB   x{probe.Median / baseline,6:F1} baseline");
        }
        Information($"  reports in the 52 weeks' answer        {weeklyReports,10:N0}");
        var json = probes[1];
        Information($"  JSON totals under 50 ms            {json.Median,7:F1} ms   {Verdict(json.Median < 50)}");
        Figure("Totals, 52 weeks after 10M reports (JSON)", $"{json.Median:F1} ms median, {json.Bytes / 1024.0:F0} KiB", json.Median / baseline, "< 50 ms", json.Median < 50);
    }
    finally
    {
        StopProcess(server);
    }
});

Task("BenchCountme")
    .Description("Imports synthetic access logs (plain and gzip; --sizes=50,200 MB) one process each, printing MB/s and peak working set; reads Fedora's public 2021 totals too when they are beside the checkout.")
    .Does(() =>
{
    var sizes = Argument("sizes", "50,200").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var arguments = new ProcessArgumentBuilder();
    foreach (var size in sizes)
    {
        arguments.Append(size);
    }
    Information($"Bench: countme access-log import, load average {LoadAverage()} on {Environment.ProcessorCount} cores");
    var output = new List<string>();
    DotNetRun("./bench/CountmeImport/CountmeImport.csproj", arguments, new DotNetRunSettings
    {
        Configuration = "Release",
        SetupProcessSettings = settings => settings.SetRedirectStandardOutput(true).RedirectedStandardOutputHandler = line => { if (line is not null) { Information(line); output.Add(line); } return line; },
    });
    // "name  NN MB stored  wall .. s NN MB/s  cpu .. s NN MB/s of log text ... peak working set NN MB": one figure per file.
    foreach (var line in output.Where(l => l.Contains("MB/s of log text")))
    {
        var cpuRate = System.Text.RegularExpressions.Regex.Match(line, @"([0-9.]+) MB/s of log text").Groups[1].Value;
        var peak = System.Text.RegularExpressions.Regex.Match(line, @"peak working set ([0-9]+) MB").Groups[1].Value;
        Figure("countme log import, " + line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], $"{cpuRate} MB/s per core, peak {peak} MB", null, "flat memory", null);
    }
});

Task("BenchDashboard")
    .Description("Seeds 52 weeks x 30 OS versions of reports into a fresh SQLite server and loads the dashboard cold in headless Chromium (/usr/bin/chromium) --runs=N times (default 15), interleaved with the same HTML served statically and /healthz: median first paint and load event, their ratio, and the page weight of all assets; PASS/FAIL against < 1 s and < 200 kB.")
    .IsDependentOn("Publish")
    .Does(() =>
{
    var runs = Argument("runs", 15);
    if (!FileExists("/usr/bin/chromium"))
    {
        throw new CakeException("/usr/bin/chromium is missing: apt-get install chromium");
    }
    // The distribution's own field registry, so the shares section lists every real field.
    var arguments = new ProcessArgumentBuilder()
        .Append("--runs").Append(runs.ToString())
        .Append("--schema").AppendQuoted(rootServerSchema.FullPath);
    DotNetRun("./bench/Dashboard/DashboardBench.csproj", arguments, new DotNetRunSettings { Configuration = "Release" });
});

Task("Performance")
    .Description("Every performance figure in one run: host start-up and memory against a hello world, reporting costs, ingest against nginx (SQLite; PostgreSQL with one and two instances), totals latency after 10 million reports and countme log import; ends with one table (docs/performance.md).")
    .IsDependentOn("Bench")
    .IsDependentOn("BenchReporting")
    .IsDependentOn("BenchServer")
    .IsDependentOn("BenchTotals")
    .IsDependentOn("BenchCountme")
    .Does(() =>
{
    Information("");
    Information($"Performance, {Environment.ProcessorCount} cores, load average {LoadAverage()}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
    Information($"  {"figure",-46} {"measured",-34} {"ratio",7}  {"target",-16} verdict");
    foreach (var figure in figures)
    {
        var ratio = figure.Ratio is { } r ? r.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "";
        var verdict = figure.Pass is { } pass ? Verdict(pass) : "";
        Information($"  {figure.Name,-46} {figure.Value,-34} {ratio,7}  {figure.Target,-16} {verdict}");
    }
});

//////////////////////////////////////////////////////////////////////
// Third-party probes: SDK packages, the probe template, plugin cost
//////////////////////////////////////////////////////////////////////

var packages = artifacts.Combine("packages");

Task("Pack")
    .Description("Packs Pinger.Plugins.Sdk and Pinger.Plugins.Sdk.Testing (with symbols) into artifacts/packages/.")
    .Does(() =>
{
    CleanOrCreate(packages);
    foreach (var project in new[] { "./Plugins.Sdk/Pinger.Plugins.Sdk.csproj", "./Plugins.Sdk.Testing/Pinger.Plugins.Sdk.Testing.csproj" })
    {
        DotNetPack(project, new DotNetPackSettings
        {
            Configuration = configuration,
            OutputDirectory = packages,
            NoLogo = true,
            // Built apart from bin/ and obj/, like Publish, so packing never races a build going on at the same time.
            ArgumentCustomization = args => args.Append("--artifacts-path").AppendQuoted(artifacts.Combine("build").FullPath),
        });
    }
    foreach (var package in GetFiles(packages.FullPath + "/*.nupkg").OrderBy(p => p.FullPath))
    {
        Information($"  {package.GetFilename()}");
    }
});

Task("TestTemplate")
    .Description("Runs only the test that packs the SDK, installs templates/pinger-probe into a private template hive, creates a probe from it outside the repository and builds and tests it against the packed packages (about 30 s; Test runs it too).")
    .Does(() =>
{
    DotNetTest("./test/Host.Tests/Pinger.Host.Tests.csproj", new DotNetTestSettings
    {
        Configuration = configuration,
        NoLogo = true,
        Filter = "FullyQualifiedName~Pinger.Host.Tests.ThirdParty.ProbeTemplateTests",
    });
});

Task("BenchPlugins")
    .Description("Median wall time of `pinger --dry-run` with the default probes against the same with 20 extra trivial third-party plugins (--runs=N interleaved runs, default 30); target: at most 30 ms more.")
    .IsDependentOn("Publish")
    .Does(() =>
{
    var runs = Argument("runs", 30);
    const int extraPlugins = 20;
    const double maxCostMs = 30.0;
    var work = artifacts.Combine("bench/plugins");
    CleanOrCreate(work);

    // One build of the trivial plugin, installed 20 times: its id is its directory's name.
    var build = work.Combine("trivial-build");
    var settings = PublishTo(build, singleFile: false);
    DotNetPublish("./test/TestPlugins/Trivial/Pinger.TestPlugins.Trivial.csproj", settings);
    var extra = work.Combine("extra-probes");
    for (var i = 1; i <= extraPlugins; i++)
    {
        CopyWithoutSymbols(build, extra.Combine($"bench-{i:00}"));
    }

    var config = work.Combine("config");
    EnsureDirectoryExists(config);
    System.IO.File.WriteAllText(config.CombineWithFilePath("50-bench.toml").FullPath, "[reporting]\nlevel = \"minimal\"\n");
    var common = new List<string> { "--dry-run", "--config-dir", config.FullPath, "--state-dir", work.Combine("state").FullPath, "--probe-dir", rootProbes.FullPath };
    var baseline = new TimedCommand("default probes", pinger.FullPath, common);
    var loaded = new TimedCommand($"default + {extraPlugins} plugins", pinger.FullPath, common.Concat(new[] { "--probe-dir", extra.FullPath }).ToList());

    // The extra plugins must really be loaded and reported, or the figure means nothing.
    var check = loaded.RunOnce();
    if (check.ExitCode != 0 || !check.Stdout.Contains("\"bench-20\""))
    {
        throw new CakeException($"pinger did not report the extra plugins (exit {check.ExitCode}):\n{check.Stderr}");
    }

    for (var i = 0; i < 3 + runs; i++)
    {
        foreach (var command in i % 2 == 0 ? new[] { baseline, loaded } : new[] { loaded, baseline })
        {
            command.Run(record: i >= 3);
        }
    }

    var cost = loaded.Median - baseline.Median;
    Information("");
    Information($"BenchPlugins: {runs} interleaved runs each after 3 warm-up runs; load average {LoadAverage()} on {Environment.ProcessorCount} cores");
    foreach (var command in new[] { baseline, loaded })
    {
        Information($"  {command.Name,-26} {command.Median,7:F1} ms median {command.P90,7:F1} ms p90" + (command.Failures > 0 ? $"  ({command.Failures} runs exited non-zero)" : ""));
    }
    Information($"  difference of medians      {cost,7:F1} ms        target <= {maxCostMs:F0} ms   {Verdict(cost <= maxCostMs && baseline.Failures + loaded.Failures == 0)}");
});

//////////////////////////////////////////////////////////////////////
// Entry point
//////////////////////////////////////////////////////////////////////

Task("Default").IsDependentOn("Test");

try
{
    RunTarget(target);
}
catch (Exception e) when (closingLine is not null)
{
    // Cake has already named the failed task; say why, then keep the test count as the last line.
    Error(e.Message);
    Console.WriteLine(closingLine);
    Environment.Exit(1);
}
if (closingLine is not null)
{
    Console.WriteLine(closingLine);
}
if (demoSummary is not null)
{
    Console.WriteLine(demoSummary);
}

//////////////////////////////////////////////////////////////////////
// Helpers
//////////////////////////////////////////////////////////////////////

// Framework-dependent for the target runtime, into output (or, for a solution, each project's folder under
// artifacts/build/publish/). Executables (pinger, and the bench's hello world, published alike so
// their startup compares fairly) are one precompiled (ReadyToRun) file, because they start once per report.
// The RID-specific build goes to artifacts/build/, so publishing never touches the bin/ and obj/ of a build
// or test run going on at the same time.
DotNetPublishSettings PublishTo(DirectoryPath output, bool singleFile) => new DotNetPublishSettings
{
    Configuration = configuration,
    Runtime = runtime,
    SelfContained = false,
    PublishSingleFile = singleFile ? true : null,
    PublishReadyToRun = singleFile ? true : null,
    NoLogo = true,
    OutputDirectory = output,
    // XML docs are for plugin authors' IDEs, not for the installed system.
    MSBuildSettings = new DotNetMSBuildSettings()
        .WithProperty("PublishDocumentationFile", "false")
        .WithProperty("PublishReferencesDocumentationFiles", "false"),
    ArgumentCustomization = args => args.Append("--artifacts-path").AppendQuoted(artifacts.Combine("build").FullPath),
};

void WaitUntilReady(string url, Process process, bool anyAnswer = false)
{
    using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(2) };
    var waited = Stopwatch.StartNew();
    while (waited.Elapsed < TimeSpan.FromSeconds(30))
    {
        if (process.HasExited)
        {
            throw new CakeException($"{url}: the process exited with {process.ExitCode}");
        }
        try
        {
            var response = http.GetAsync(url).Result;
            if (anyAnswer || response.IsSuccessStatusCode) return;
        }
        catch (AggregateException) { }
        System.Threading.Thread.Sleep(100);
    }
    throw new CakeException($"{url} did not answer within 30 s");
}

int FreeLoopbackPort()
{
    var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    probe.Start();
    var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    probe.Stop();
    return port;
}

void CleanOrCreate(DirectoryPath directory)
{
    EnsureDirectoryExists(directory);
    CleanDirectory(directory);
}

// Symbols stay in artifacts/publish/ for debugging; the installable tree carries none.
void CopyWithoutSymbols(DirectoryPath from, DirectoryPath to)
{
    foreach (var file in GetFiles(from.FullPath + "/**/*").Where(f => f.GetExtension() != ".pdb"))
    {
        var copy = to.CombineWithFilePath(from.GetRelativePath(file));
        EnsureDirectoryExists(copy.GetDirectory());
        System.IO.File.Copy(file.FullPath, copy.FullPath, overwrite: true);
        // Keeps the executable bit of the apphost.
        System.IO.File.SetUnixFileMode(copy.FullPath, System.IO.File.GetUnixFileMode(file.FullPath));
    }
}

// The test projects of the solution (named *.Tests.csproj; test/ also holds helper projects such as test
// plugins): the projects dotnet test is expected to run.
List<string> TestProjectsOf(FilePath slnx)
{
    return XDocument.Load(slnx.FullPath)
        .Descendants("Project")
        .Select(p => ((string)p.Attribute("Path") ?? "").Replace('\\', '/'))
        .Where(p => p.EndsWith(".Tests.csproj"))
        .ToList();
}

// Test projects that exist on disk but that the solution, and therefore CI, does not know about.
IEnumerable<string> TestProjectsOutside(List<string> inSolution)
{
    var repo = solution.GetDirectory();
    var known = new HashSet<string>(inSolution);
    return GetFiles("./test/**/*.Tests.csproj")
        .Select(f => repo.GetRelativePath(f).FullPath)
        .Where(p => !known.Contains(p))
        .OrderBy(p => p);
}

// Runs a command with its output on the console; returns why it failed, or null.
string ShowRun(FilePath program, string arguments)
{
    Information("");
    Information($"$ {solution.GetDirectory().GetRelativePath(program)} {arguments}");
    var exitCode = StartProcess(program, new ProcessSettings { Arguments = arguments });
    if (exitCode == 4)
    {
        // pinger's "partial report": a probe failed or was left out, and the rest was handled.
        Warning("(exit code 4: partial report, see the warnings above)");
        return null;
    }
    if (exitCode != 0)
    {
        Warning($"(exit code {exitCode})");
        return $"{program.GetFilename()} {arguments} exited with {exitCode}";
    }
    return null;
}

string Verdict(bool pass) => pass ? "PASS" : "FAIL";

void Figure(string name, string value, double? ratio, string target, bool? pass) => figures.Add((name, value, ratio, target, pass));

// A published pinger-server on 127.0.0.1:port with its state and config under directory (config: no rate limit, then extraToml).
Process StartPingerServer(DirectoryPath directory, int port, string extraToml)
{
    var config = directory.Combine("config");
    EnsureDirectoryExists(config);
    System.IO.File.WriteAllText(config.CombineWithFilePath("50-bench.toml").FullPath, "[ingest]\nrate_limit_per_minute = 0\n" + extraToml);
    var start = new ProcessStartInfo(pingerServer.FullPath) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in new[] { "--urls", $"http://127.0.0.1:{port}", "--state-dir", directory.Combine("state").FullPath, "--config-dir", config.FullPath, "--schema-dir", rootServerSchema.FullPath })
    {
        start.ArgumentList.Add(argument);
    }
    var server = Process.Start(start);
    server.OutputDataReceived += (_, _) => { };
    server.ErrorDataReceived += (_, _) => { };
    server.BeginOutputReadLine();
    server.BeginErrorReadLine();
    return server;
}

// SIGTERM, so a server drains and closes its database as it would under systemd.
void StopProcess(Process process)
{
    if (!process.HasExited)
    {
        Process.Start("kill", new[] { "-TERM", process.Id.ToString() }).WaitForExit();
        process.WaitForExit(15000);
    }
}

// The 1-minute load average, so a reader can tell a slow machine from a slow pinger.
string LoadAverage() =>
    System.IO.File.Exists("/proc/loadavg") ? System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

// Peak resident set of one run, in KiB, as GNU time reports it; the largest of three runs.
long? PeakRssKiB(TimedCommand command)
{
    const string gnuTime = "/usr/bin/time";
    if (!System.IO.File.Exists(gnuTime))
    {
        return null;
    }
    long peak = 0;
    for (var i = 0; i < 3; i++)
    {
        var result = new TimedCommand(command.Name, gnuTime, new[] { "-f", "%M", command.Program }.Concat(command.Arguments).ToList()).RunOnce();
        var last = result.Stderr.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0);
        if (long.TryParse(last, out var kib))
        {
            peak = Math.Max(peak, kib);
        }
    }
    return peak == 0 ? null : peak;
}

// One command run again and again, its wall times kept (output is captured and dropped, for both alike).
class TimedCommand
{
    private readonly List<double> _milliseconds = new List<double>();

    public TimedCommand(string name, string program, IReadOnlyList<string> arguments)
    {
        Name = name;
        Program = program;
        Arguments = arguments;
    }

    public string Name { get; }
    public string Program { get; }
    public IReadOnlyList<string> Arguments { get; }
    public int Failures { get; private set; }
    public string LastError { get; private set; } = "";
    public double Median => Percentile(0.5);
    public double P90 => Percentile(0.9);

    /// <summary>The recorded wall times, in the order they were run.</summary>
    public IReadOnlyList<double> Samples => _milliseconds;

    public void Run(bool record)
    {
        var result = RunOnce();
        if (result.ExitCode != 0)
        {
            Failures++;
            LastError = result.Stderr;
        }
        if (record)
        {
            _milliseconds.Add(result.Milliseconds);
        }
    }

    public RunResult RunOnce(IDictionary<string, string> environment = null)
    {
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            start.Environment[pair.Key] = pair.Value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();
        return new RunResult(process.ExitCode, clock.Elapsed.TotalMilliseconds, stdout.Result, stderr.Result);
    }

    // Nearest-rank percentile.
    private double Percentile(double p)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }
        var sorted = _milliseconds.OrderBy(m => m).ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

record RunResult(int ExitCode, double Milliseconds, string Stdout, string Stderr);

// The counters of one TRX file (one test project's run).
class TestRunSummary
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public string Assembly { get; private set; } = "?";
    public string Outcome { get; private set; } = "";
    public string RunError { get; private set; } = "";
    public int Passed { get; private set; }
    public int Failed { get; private set; }
    public int Skipped { get; private set; }
    public List<string> Failures { get; } = new List<string>();

    // Completed, Passed and Failed are the outcomes of a run that ran all its tests; anything else, or a run error
    // (a crashed test host), means it broke off.
    public bool Broke => (Outcome != "Completed" && Outcome != "Failed" && Outcome != "Passed") || RunError.Length > 0;

    public static TestRunSummary Read(FilePath trxFile)
    {
        var document = XDocument.Load(trxFile.FullPath);
        var summary = document.Descendants(Trx + "ResultSummary").Single();
        var counters = summary.Element(Trx + "Counters");
        int Count(string name) => int.TryParse((string)counters?.Attribute(name), out var n) ? n : 0;

        var run = new TestRunSummary
        {
            Outcome = (string)summary.Attribute("outcome") ?? "",
            Passed = Count("passed"),
            // Errors and timeouts are failures as far as the closing line is concerned.
            Failed = Count("failed") + Count("error") + Count("timeout") + Count("aborted"),
            // Ignored tests are counted in total but not in executed (notExecuted stays 0 for them).
            Skipped = Math.Max(Count("notExecuted"), Count("total") - Count("executed")),
        };

        var codeBase = document.Descendants(Trx + "TestMethod").Select(t => (string)t.Attribute("codeBase")).FirstOrDefault(c => c != null);
        run.Assembly = codeBase is null ? trxFile.GetFilenameWithoutExtension().FullPath : System.IO.Path.GetFileNameWithoutExtension(codeBase);

        foreach (var result in document.Descendants(Trx + "UnitTestResult").Where(r => (string)r.Attribute("outcome") is "Failed" or "Error" or "Timeout" or "Aborted"))
        {
            var message = result.Descendants(Trx + "Message").Select(m => m.Value.Trim()).FirstOrDefault() ?? "";
            var oneLine = string.Join(" ", message.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
            run.Failures.Add($"{(string)result.Attribute("testName")}: {(oneLine.Length > 200 ? oneLine.Substring(0, 200) + "..." : oneLine)}");
        }

        var runErrors = summary.Descendants(Trx + "RunInfo")
            .Where(i => (string)i.Attribute("outcome") == "Error")
            .Select(i => i.Element(Trx + "Text")?.Value.Trim())
            .Where(t => !string.IsNullOrEmpty(t))
            .ToList();
        if (runErrors.Count > 0)
        {
            run.RunError = ": " + runErrors[0].Split('\n')[0];
        }
        return run;
    }

    public static TestRunSummary Sum(IEnumerable<TestRunSummary> runs)
    {
        var total = new TestRunSummary();
        foreach (var run in runs)
        {
            total.Passed += run.Passed;
            total.Failed += run.Failed;
            total.Skipped += run.Skipped;
        }
        return total;
    }
}

// What wrk printed: requests per second, the 99th percentile latency and the non-2xx count.
// A PostgreSQL cluster of its own in a directory, on a free loopback port, removed afterwards (as root, run as postgres).
class ThrowawayPostgres : IDisposable
{
    private readonly string _binaries;
    private readonly string _directory;

    private ThrowawayPostgres(string binaries, string directory, int port)
    {
        _binaries = binaries;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=pinger;Database=pinger;Maximum Pool Size=40";

    public static ThrowawayPostgres TryStart(DirectoryPath where)
    {
        var binaries = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => System.IO.Path.Combine(d, "bin"))
                .FirstOrDefault(d => System.IO.File.Exists(System.IO.Path.Combine(d, "initdb")))
            : null;
        if (binaries is null)
        {
            return null;
        }

        var directory = where.FullPath;
        System.IO.Directory.CreateDirectory(directory);
        System.IO.File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var cluster = new ThrowawayPostgres(binaries, directory, port);
        var data = System.IO.Path.Combine(directory, "data");
        cluster.Run("initdb", "-D", data, "-U", "pinger", "-A", "trust", "-E", "UTF8", "--no-sync");
        cluster.Run("pg_ctl", "start", "-w", "-D", data, "-l", System.IO.Path.Combine(directory, "log"),
            "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=200");
        cluster.Run("createdb", "-h", "127.0.0.1", "-p", port.ToString(), "-U", "pinger", "pinger");
        return cluster;
    }

    public void Dispose()
    {
        Run("pg_ctl", "stop", "-D", System.IO.Path.Combine(_directory, "data"), "-m", "fast");
    }

    private void Run(string tool, params string[] arguments)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : System.IO.Path.Combine(_binaries, tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asRoot)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", System.IO.Path.Combine(_binaries, tool) })
            {
                start.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000) || process.ExitCode != 0)
        {
            throw new Exception($"{tool} failed: {output.Result} {error.Result}");
        }
    }
}

// One URL fetched again and again: wall times and the answer's size.
class TimedRequest
{
    private readonly List<double> _milliseconds = new List<double>();

    public TimedRequest(string name, string url)
    {
        Name = name;
        Url = url;
    }

    public string Name { get; }
    public string Url { get; }
    public long Bytes { get; private set; }
    public double Median => Percentile(0.5);
    public double P90 => Percentile(0.9);

    public void Run(System.Net.Http.HttpClient http, bool record)
    {
        var watch = Stopwatch.StartNew();
        using var response = http.GetAsync(Url).Result;
        var body = response.Content.ReadAsByteArrayAsync().Result;
        watch.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new Exception($"{Url} answered {(int)response.StatusCode}");
        }
        Bytes = body.Length;
        if (record)
        {
            _milliseconds.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    private double Percentile(double p)
    {
        var sorted = _milliseconds.OrderBy(x => x).ToList();
        return sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }
}

class WrkResult
{
    public double RequestsPerSecond { get; set; }
    public string P99 { get; set; } = "n/a";
    public double P99Milliseconds { get; set; } = double.NaN;
    public long Non2xx { get; set; }

    public static WrkResult Parse(string text)
    {
        var result = new WrkResult();
        foreach (var line in text.Split('\n').Select(l => l.Trim()))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (line.StartsWith("Requests/sec:"))
            {
                result.RequestsPerSecond = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("99%") && parts.Length > 1)
            {
                result.P99 = parts[1];
                result.P99Milliseconds = ToMilliseconds(parts[1]);
            }
            else if (line.StartsWith("Non-2xx or 3xx responses:"))
            {
                result.Non2xx = long.Parse(parts[^1]);
            }
        }
        return result;
    }

    /// <summary>Several wrk runs at once: their rates and errors add up, the p99 is the worst of them.</summary>
    public static WrkResult Sum(IReadOnlyList<WrkResult> results)
    {
        var worst = results.OrderByDescending(r => r.P99Milliseconds).First();
        return new WrkResult
        {
            RequestsPerSecond = results.Sum(r => r.RequestsPerSecond),
            P99 = worst.P99,
            P99Milliseconds = worst.P99Milliseconds,
            Non2xx = results.Sum(r => r.Non2xx),
        };
    }

    private static double ToMilliseconds(string value)
    {
        var number = new string(value.TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        var unit = value.Substring(number.Length);
        var amount = double.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
        return unit switch { "us" => amount / 1000, "ms" => amount, "s" => amount * 1000, _ => amount };
    }
}
