// The build, test, publish, demo and bench targets of Pinger; run through ./build.sh --target=<name>.
// Building and laying out the tree happens here; measuring, campaign tables, fuzzing, the demo, the generated docs
// and the Test target's results are commands of the bench harness (bench/Harness), a project of the solution.
// Arguments: --configuration=Release (default), --runtime=linux-x64 (default).

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var runtime = Argument("runtime", "linux-x64");

var solution = MakeAbsolute(File("./Pinger.slnx"));
var artifacts = MakeAbsolute(Directory("./artifacts"));
var testResults = artifacts.Combine("test-results");
var packages = artifacts.Combine("packages");

// The installable tree mirrors the target system: artifacts/root/usr/bin/pinger finds its probes at
// <dir of pinger>/../lib/pinger/probes.
var root = artifacts.Combine("root");
var rootBin = root.Combine("usr/bin");
var rootProbes = root.Combine("usr/lib/pinger/probes");
var rootServer = root.Combine("usr/lib/pinger-server");
var rootServerSchema = rootServer.Combine("schema.d");

// What a target leaves for the very end of the output, after Cake's task table: Test's "N passed, N failed" and
// what Demo left running. The bench figures feed Performance's table. All three belong to this build alone.
var closingLine = testResults.CombineWithFilePath("closing-line.txt");
var demoSummary = artifacts.CombineWithFilePath("demo/summary.txt");
var benchFigures = artifacts.CombineWithFilePath("bench/figures.tsv");
Setup(_ => DeleteFiles(new[] { closingLine, demoSummary, benchFigures }.Where(f => FileExists(f))));

// The packages the tests and benches use, each with the file that shows it is installed.
var prerequisites = new (string Package, Func<bool> Installed)[]
{
    ("postgresql", () => (OnPath("initdb") && OnPath("pg_ctl")) || GetFiles("/usr/lib/postgresql/*/bin/pg_ctl").Count > 0),
    ("chromium", () => FileExists("/usr/bin/chromium")),
    ("afl++", () => FileExists("/usr/bin/afl-fuzz")),
    ("wrk", () => FileExists("/usr/bin/wrk")),
    ("nginx", () => FileExists("/usr/sbin/nginx")),
    ("time", () => FileExists("/usr/bin/time")),
    // The countme differential tests run Fedora's mirrors-countme (../shared/tools/mirrors-countme) as their oracle.
    ("python3", () => OnPath("python3")),
    // The host tests watch with strace which files pinger opens (no plugin is loaded at level off).
    ("strace", () => FileExists("/usr/bin/strace")),
    // The Rpm target and the packaging tests build the RPMs with rpmbuild (Debian's rpm) and lint them.
    ("rpm", () => OnPath("rpmbuild")),
    ("rpmlint", () => OnPath("rpmlint")),
    ("prometheus", () => OnPath("promtool")), // promtool check metrics lints every exposition the tests produce
};

Task("Clean")
    .Description("Removes artifacts/ and the solution's build output.")
    .Does(() =>
{
    if (DirectoryExists(artifacts)) DeleteDirectory(artifacts, new DeleteDirectorySettings { Recursive = true, Force = true });
    DotNetClean(solution.FullPath, new DotNetCleanSettings { Configuration = configuration, NoLogo = true });
});

Task("Restore")
    .Description("Restores the solution's packages.")
    .Does(() => DotNetRestore(solution.FullPath));

Task("Build")
    .Description("Builds Pinger.slnx.")
    .IsDependentOn("Restore")
    .Does(() => DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration, NoRestore = true, NoLogo = true }));

Task("Harness")
    .Description("Builds the bench harness (bench/Harness), which the bench, campaign, fuzz, demo and docs targets run.")
    .Does(() => DotNetBuild("./bench/Harness/Pinger.Bench.Harness.csproj", new DotNetBuildSettings { Configuration = "Release", NoLogo = true }));

Task("Prerequisites")
    .Description("Checks for the packages the tests and benches need (postgresql, chromium, afl++, wrk, nginx, time, python3); as root, installs the missing ones with apt-get, otherwise fails with the apt-get line that installs them.")
    .Does(() =>
{
    var missing = prerequisites.Where(p => !p.Installed()).Select(p => p.Package).ToList();
    var install = "apt-get install -y " + string.Join(" ", missing);
    if (missing.Count > 0 && Environment.UserName != "root")
    {
        throw new CakeException($"missing: {string.Join(", ", missing)}. Install them with: sudo {install}");
    }
    // Waits for another apt-get holding the lock rather than failing at once.
    var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
    foreach (var arguments in missing.Count == 0 ? new string[0] : new[] { "update -qq", "install -y -qq -o DPkg::Lock::Timeout=600 " + string.Join(" ", missing) })
    {
        Information($"apt-get {arguments}");
        if (StartProcess("apt-get", new ProcessSettings { Arguments = arguments, EnvironmentVariables = environment }) != 0)
        {
            throw new CakeException($"apt-get {arguments} failed");
        }
    }
    if (prerequisites.Where(p => !p.Installed()).Select(p => p.Package).ToList() is { Count: > 0 } still)
    {
        throw new CakeException($"still missing after apt-get: {string.Join(", ", still)}");
    }
});

Task("FuzzShort")
    .Description("afl-fuzz for 35 s on each fuzzing target; fails on a crash (part of Test).")
    .IsDependentOn("Prerequisites")
    .IsDependentOn("Build")
    .IsDependentOn("Harness")
    .Does(() => Harness($"fuzz --seconds 35 --configuration {configuration}"));

Task("Test")
    .Description("Runs every test project of Pinger.slnx after a short fuzzing run; fails when a test fails, a test project does not run or is missing from the solution, or no test ran.")
    .IsDependentOn("Prerequisites")
    .IsDependentOn("Build")
    // The end-to-end tests run the tree Publish lays out (PINGER_PUBLISHED_ROOT), the one that ships.
    .IsDependentOn("Publish")
    .IsDependentOn("FuzzShort")
    .Does(() =>
{
    CleanOrCreate(testResults);
    var runError = "";
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
            // One TRX file per test project (the prefix keeps them apart); the console shows failures only.
            Loggers = { "trx;LogFilePrefix=pinger", "console;verbosity=minimal" },
            // A hung test is killed (and reported) instead of holding CI until its time runs out. Generous: the longest
            // tests (the template's pack and build, a campaign of 216 pinger runs) take over two minutes when both
            // cores are busy with something else, and a hang guard must not judge speed.
            ArgumentCustomization = args => args.Append("--blame-hang-timeout").Append("6m").Append("--blame-hang-dump-type").Append("none"),
        });
    }
    catch (Exception e)
    {
        // A failed test makes dotnet test exit non-zero too; the results tell it apart from a run that broke.
        runError = e.Message;
    }
    Harness($"test-summary --results {Quote(testResults.FullPath)} --closing-line {Quote(closingLine.FullPath)}"
        + (runError.Length > 0 ? " --run-error " + Quote(runError) : ""), "Test failed");
});

Task("Publish")
    .Description("Lays out the installable tree under artifacts/root/ (usr/bin/pinger, usr/lib/pinger/probes/<id>/, config.d, the server, systemd units).")
    .Does(() =>
{
    if (DirectoryExists(root)) DeleteDirectory(root, new DeleteDirectorySettings { Recursive = true, Force = true });

    // The host: one framework-dependent file, precompiled (ReadyToRun) because it starts once per report.
    var hostStaging = artifacts.Combine("publish/host");
    CleanOrCreate(hostStaging);
    DotNetPublish("./Host/Pinger.Host.csproj", PublishTo(hostStaging, singleFile: true));
    CopyWithoutSymbols(hostStaging, rootBin);

    // The probes, published together through a generated solution (one dotnet publish per probe costs seconds
    // each). The SDK they reference is built as for the host: not listed, so it stays RID-neutral, and in the
    // same configuration (the solution would otherwise build it as Debug).
    var probeProjects = GetFiles("./Probes/*/*.csproj").OrderBy(p => p.FullPath).ToList();
    foreach (var twin in probeProjects.GroupBy(p => p.GetDirectory().FullPath).Where(g => g.Count() > 1))
    {
        throw new CakeException($"{twin.Key} holds {twin.Count()} projects; a probe folder holds exactly one.");
    }
    var published = artifacts.Combine("build/publish");
    // No stale files from a renamed or removed dependency.
    if (DirectoryExists(published)) DeleteDirectory(published, new DeleteDirectorySettings { Recursive = true, Force = true });
    var probesSolution = artifacts.CombineWithFilePath("publish/probes.slnx");
    System.IO.File.WriteAllText(probesSolution.FullPath,
        "<Solution>\n" + string.Concat(probeProjects.Select(p => $"  <Project Path=\"{p.FullPath}\" />\n")) + "</Solution>\n");
    var probeSettings = PublishTo(null, singleFile: false);
    probeSettings.PublishReadyToRun = true;
    probeSettings.MSBuildSettings.WithProperty("ShouldUnsetParentConfigurationAndPlatform", "false");
    DotNetPublish(probesSolution.FullPath, probeSettings);

    // Each probe gets its own folder, named after its project folder, without the SDK the host already carries.
    foreach (var project in probeProjects)
    {
        var probeDir = rootProbes.Combine(project.GetDirectory().GetDirectoryName());
        CopyWithoutSymbols(GetSubDirectories(published.Combine(project.GetFilenameWithoutExtension().FullPath)).Single(), probeDir);
        foreach (var sdk in GetFiles(probeDir.FullPath + "/Pinger.Plugins.Sdk.*"))
        {
            Warning($"{probeDir.GetDirectoryName()}: publish output contains {sdk.GetFilename()}; removed (the host's copy must be the only one).");
            DeleteFile(sdk);
        }
    }

    var rootConfig = root.Combine("usr/lib/pinger/config.d");
    EnsureDirectoryExists(rootConfig);
    CopyFiles("./contrib/config.d/*.toml", rootConfig);

    // The server: framework-dependent files in usr/lib/pinger-server/ (its SQLite native library a plain file
    // beside it, never extracted at run time), started through a link in usr/bin.
    var serverStaging = artifacts.Combine("publish/server");
    CleanOrCreate(serverStaging);
    DotNetPublish("./Server/Pinger.Server/Pinger.Server.csproj", PublishTo(serverStaging, singleFile: false));
    CopyWithoutSymbols(serverStaging, rootServer);
    DeleteFiles(GetFiles(rootServer.FullPath + "/*.xml"));
    System.IO.File.CreateSymbolicLink(rootBin.CombineWithFilePath("pinger-server").FullPath, "../lib/pinger-server/pinger-server");

    // The server learns the distribution's fields from the schema file the published client writes.
    EnsureDirectoryExists(rootServerSchema);
    var schema = StartProcess(rootBin.CombineWithFilePath("pinger"), new ProcessSettings { Arguments = "schema", RedirectStandardOutput = true }, out var schemaLines);
    if (schema != 0) throw new CakeException($"pinger schema exited with {schema}");
    System.IO.File.WriteAllText(rootServerSchema.CombineWithFilePath("pinger.json").FullPath, string.Join("\n", schemaLines) + "\n");

    // Units go to usr/lib/systemd/system/; preset files to usr/lib/systemd/system-preset/, where systemd reads them.
    foreach (var file in GetFiles("./contrib/systemd/*").Concat(GetFiles("./contrib/server/*.service")))
    {
        var into = root.Combine(file.GetExtension() == ".preset" ? "usr/lib/systemd/system-preset" : "usr/lib/systemd/system");
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

Task("Rpm")
    .Description("Publishes, then builds the pinger and pinger-server RPMs of contrib/rpm/pinger.spec with rpmbuild into artifacts/rpm/ and runs rpmlint on them (docs/packaging.md).")
    .IsDependentOn("Prerequisites")
    .IsDependentOn("Publish")
    .IsDependentOn("Harness")
    .Does(() => Harness($"rpm --runtime {runtime}"));

Task("Docs")
    .Description("Regenerates the generated docs: docs/metrics.md (pinger probes --markdown) and the config key tables of docs/configuration.md and docs/server.md. The tests only check them.")
    .IsDependentOn("Publish")
    .IsDependentOn("Harness")
    .Does(() => Harness("docs"));

Task("UpdateGolden")
    .Description("Rewrites the golden reports of test/fixtures/expected/ from the published pinger --dry-run of every fixture root at both levels; review the diff. The golden test only compares.")
    .IsDependentOn("Publish")
    .IsDependentOn("Harness")
    .Does(() => Harness("golden"));

Task("Demo")
    .Description("Publishes, seeds a year of a synthetic fleet (--machines=30000, released at --epsilon=20) and Fedora's public 2021 countme totals (shipped in bench/Harness/Demo/data) into SQLite in artifacts/demo/, starts the published pinger-server on it (loopback), sends it real reports from pinger run, shows the totals it publishes, and leaves it running with its dashboard URL and the command that stops it.")
    .IsDependentOn("Publish")
    .IsDependentOn("Harness")
    .Does(() => Harness($"demo --machines {Argument("machines", 30000)} --epsilon {Argument("epsilon", "20")}"));

Measured("Bench")
    .Description("Compares the start-up time and memory of `pinger --dry-run` with a hello world published the same way (--runs=30, --root=DIR).")
    .Does(() =>
{
    var hello = artifacts.Combine("bench/hello");
    CleanOrCreate(hello);
    DotNetPublish("./bench/HelloWorld/HelloWorld.csproj", PublishTo(hello, singleFile: true));
    var benchRoot = Argument("root", "");
    Harness($"startup --hello {Quote(hello.CombineWithFilePath("hello").FullPath)} --runs {Argument("runs", 30)} --label \"{configuration}, {runtime}, single-file, ReadyToRun\""
        + (benchRoot.Length > 0 ? " --root " + Quote(MakeAbsolute(Directory(benchRoot)).FullPath) : ""));
});

Measured("BenchReporting")
    .Description("Full vs minimal dry-run, what sending adds to a dry-run, and a run against a black-holed server with the default budget (--runs=20, --skip-blackhole).")
    .Does(() => Harness($"reporting --runs {Argument("runs", 20)}" + (HasArgument("skip-blackhole") ? " --skip-blackhole" : "")));

Measured("BenchServer")
    .Description("Ingest throughput of the published pinger-server under wrk against nginx answering 204: SQLite (wrk -t1 -c32), then PostgreSQL with one instance against two sharing one database (--seconds=15).")
    .Does(() => Harness($"server --seconds {Argument("seconds", 15)}"));

Measured("BenchTotals")
    .Description("Totals latency after --reports=N counted reports (default 10,000,000) over 52 weeks (SQLite, seeded by bench/TotalsSeed): /v1/totals against /healthz over --requests=30.")
    .Does(() => Harness($"totals --reports {Argument("reports", 10_000_000L)} --requests {Argument("requests", 30)}"));

Measured("BenchPrivacy")
    .Description("Releases 52 weeks of a synthetic fleet of 100,000 machines through the server's differential privacy at ε = 1 and prints the error table of every OS release and platform with ≥ 1% share; PASS/FAIL against ±2% (--epsilon, --seed).")
    .Does(() => Harness($"privacy --machines 100000 --weeks 52 --epsilon {Argument("epsilon", "1")} --seed {Argument("seed", 1)}"));

Task("BenchCountme")
    .Description("Imports synthetic access logs (plain and gzip; --sizes=50,200 MB), one process each, printing MB/s and peak working set.")
    .IsDependentOn("Prerequisites")
    .IsDependentOn("Harness")
    .Does(() => Harness($"countme --sizes {Argument("sizes", "50,200")}"));

Task("BenchCountmeReference")
    .Description("Imports one synthetic access log (--size=200 MB) with pinger-server import-log and with Fedora's mirrors-countme (parse, then totals; --reference=DIR, default ../shared/tools/mirrors-countme), printing both times, peak memory, their ratio and whether every published week agrees; fails when one disagrees.")
    .IsDependentOn("Prerequisites")
    .Does(() => DotNetRun("./bench/CountmeImport/CountmeImport.csproj",
        HasArgument("reference") ? new ProcessArgumentBuilder().Append("reference").Append(Argument("size", "200")).AppendQuoted(Argument<string>("reference"))
            : new ProcessArgumentBuilder().Append("reference").Append(Argument("size", "200")),
        new DotNetRunSettings { Configuration = "Release" }));

Task("BenchDashboard")
    .Description("Loads the dashboard of a seeded SQLite server cold in headless Chromium --runs=N times (default 15), against the same HTML served statically and /healthz; PASS/FAIL against < 1 s and < 200 kB. Then wrk (--seconds=10 each) on / and the countme CSV, whole and revalidated (304); PASS/FAIL against >= 1,000 requests/s.")
    .IsDependentOn("Prerequisites")
    .IsDependentOn("Publish")
    .Does(() => DotNetRun("./bench/Dashboard/DashboardBench.csproj",
        new ProcessArgumentBuilder().Append("--runs").Append(Argument("runs", 15).ToString()).Append("--seconds").Append(Argument("seconds", 10).ToString()).Append("--schema").AppendQuoted(rootServerSchema.FullPath),
        new DotNetRunSettings { Configuration = "Release" }));

Task("Performance")
    .Description("Every performance figure in one run (Bench, BenchReporting, BenchServer, BenchTotals, BenchCountme), ending with one table (docs/performance.md).")
    .IsDependentOn("Bench")
    .IsDependentOn("BenchReporting")
    .IsDependentOn("BenchServer")
    .IsDependentOn("BenchTotals")
    .IsDependentOn("BenchCountme")
    .Does(() => Harness("performance"));

Measured("ServerCampaigns")
    .Description("The server's reliability campaigns at full size against the published pinger-server (--minutes=10 of sustained ingest; --campaign=NAME[,NAME] runs only those: BadInput, Crash, StorageFault, Privacy, Load); prints a table of figures. Mounts need root.")
    .Does(() => Harness($"campaigns --of server --size full --minutes {Argument("minutes", "10")} --configuration {configuration}"
        + (HasArgument("campaign") ? " --campaign " + Quote(Argument<string>("campaign")) : "")));

Task("ClientCampaigns")
    .Description("The property tests and the client fault campaigns at full size (--campaign-size=ci for the CI size) against the published pinger, with a table of their figures.")
    .IsDependentOn("Prerequisites")
    .IsDependentOn("Build")
    .IsDependentOn("Publish")
    .IsDependentOn("Harness")
    .Does(() => Harness($"campaigns --of client --size {Argument("campaign-size", "full")} --configuration {configuration}"));

Task("Fuzz")
    .Description("Instruments the fuzzing harnesses of test/Fuzzing/ and runs afl-fuzz on each for --fuzz-seconds (default 600; --fuzz-targets=reports,config); fails on any crash.")
    .IsDependentOn("Prerequisites")
    .IsDependentOn("Build")
    .IsDependentOn("Harness")
    .Does(() => Harness($"fuzz --seconds {Argument("fuzz-seconds", 600)} --configuration {configuration}"
        + (HasArgument("fuzz-targets") ? " --targets " + Argument<string>("fuzz-targets") : "")));

Task("Pack")
    .Description("Packs Pinger.Plugins.Sdk and Pinger.Plugins.Sdk.Testing (with symbols) into artifacts/packages/.")
    .Does(() =>
{
    CleanOrCreate(packages);
    // Built apart from bin/ and obj/, like Publish, so packing never races a build going on at the same time.
    foreach (var project in new[] { "./Plugins.Sdk/Pinger.Plugins.Sdk.csproj", "./Plugins.Sdk.Testing/Pinger.Plugins.Sdk.Testing.csproj" })
        DotNetPack(project, new DotNetPackSettings { Configuration = configuration, OutputDirectory = packages, NoLogo = true,
            ArgumentCustomization = args => args.Append("--artifacts-path").AppendQuoted(artifacts.Combine("build").FullPath) });
});

Task("TestTemplate")
    .Description("Publishes, then runs only the template tests: they pack the SDK, install templates/pinger-probe into a private template hive, and follow docs/writing-a-probe.md from a new probe to a report the published pinger-server counts (Test runs them too).")
    .IsDependentOn("Publish")
    .Does(() => DotNetTest("./test/Host.Tests/Pinger.Host.Tests.csproj", new DotNetTestSettings
    {
        Configuration = configuration,
        NoLogo = true,
        Filter = "FullyQualifiedName~Pinger.Host.Tests.ThirdParty.ProbeTemplateTests",
        EnvironmentVariables = { ["PINGER_PUBLISHED_ROOT"] = root.FullPath },
    }));

Measured("BenchPlugins")
    .Description("Median wall time of `pinger --dry-run` with the default probes against the same with 20 extra trivial third-party plugins (--runs=30); target: at most 30 ms more.")
    .Does(() =>
{
    var trivial = artifacts.Combine("bench/plugins-trivial");
    CleanOrCreate(trivial);
    DotNetPublish("./test/TestPlugins/Trivial/Pinger.TestPlugins.Trivial.csproj", PublishTo(trivial, singleFile: false));
    Harness($"plugins --trivial {Quote(trivial.FullPath)} --runs {Argument("runs", 30)}");
});

Task("Default").IsDependentOn("Test");

Exception failure = null;
try { RunTarget(target); }
catch (Exception e) { failure = e; }
// Cake has already named the failed task; say why before the closing lines.
if (failure is not null) Error(failure.Message);
foreach (var last in new[] { closingLine, demoSummary }.Where(f => FileExists(f)))
{
    Console.WriteLine(System.IO.File.ReadAllText(last.FullPath).TrimEnd());
}
if (failure is not null) Environment.Exit(1);

// A target that measures the published tree: it needs the prerequisites, the tree and the harness.
CakeTaskBuilder Measured(string name) => Task(name).IsDependentOn("Prerequisites").IsDependentOn("Publish").IsDependentOn("Harness");

// Runs a command of the bench harness from the repository root; fails the target (with why) when it fails.
void Harness(string arguments, string failure = null)
{
    var dll = MakeAbsolute(File("./bench/Harness/bin/Release/net10.0/pinger-bench-harness.dll"));
    var exitCode = StartProcess("dotnet", new ProcessSettings { Arguments = Quote(dll.FullPath) + " " + arguments, WorkingDirectory = solution.GetDirectory() });
    if (exitCode != 0) throw new CakeException(failure ?? $"pinger-bench-harness {arguments.Split(' ')[0]} exited with {exitCode} (see above)");
}

// Framework-dependent for the target runtime, into output (or, for a solution, each project's folder under
// artifacts/build/publish/). Executables (pinger, and the bench's hello world, published alike so their start-up
// compares fairly) are one precompiled (ReadyToRun) file. The RID-specific build goes to artifacts/build/, so
// publishing never touches the bin/ and obj/ of a build or test run going on at the same time.
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
    MSBuildSettings = new DotNetMSBuildSettings().WithProperty("PublishDocumentationFile", "false").WithProperty("PublishReferencesDocumentationFiles", "false"),
    ArgumentCustomization = args => args.Append("--artifacts-path").AppendQuoted(artifacts.Combine("build").FullPath),
};

void CleanOrCreate(DirectoryPath directory) { EnsureDirectoryExists(directory); CleanDirectory(directory); }

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

bool OnPath(string program) =>
    (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && System.IO.File.Exists(System.IO.Path.Combine(d, program)));

// One argument for a command line, quoted for the shell-like splitting dotnet applies.
string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
