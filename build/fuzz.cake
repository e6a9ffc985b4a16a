// Coverage-guided fuzzing with afl-fuzz (Debian's afl++) and SharpFuzz, loaded by build.cake:
//   ./build.sh --target=Fuzz [--fuzz-seconds=600] [--fuzz-targets=reports,config]
// Each target is a harness under test/Fuzzing/ (a program, not a test project). Its assemblies under test are
// instrumented in a copy under artifacts/fuzz/<target>/, afl-fuzz starts from seeds made from the repository's
// fixtures, and the run fails when afl-fuzz saved a crash: every crash is replayed and printed, then fixed with a
// regression test and its input kept in test/Fuzzing/<Target>/found/, which every later run replays first.

#load "client-campaigns.cake"

using System.Diagnostics;

Task("Fuzz")
    .Description("Instruments the fuzzing harnesses of test/Fuzzing/ and runs afl-fuzz on each for --fuzz-seconds (default 600); prints executions, corpus and crashes per target and fails on any crash. Installs nothing: needs /usr/bin/afl-fuzz (apt-get install afl++).")
    .IsDependentOn("Build")
    .Does(() =>
{
    var seconds = Argument("fuzz-seconds", 600);
    var only = Argument("fuzz-targets", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var buildConfiguration = Argument("configuration", "Release");
    if (!FileExists("/usr/bin/afl-fuzz"))
    {
        throw new CakeException("/usr/bin/afl-fuzz is missing: apt-get install afl++");
    }

    var work = MakeAbsolute(Directory("./artifacts/fuzz"));
    CleanOrCreate(work);

    // The distribution's probes as pinger loads them (a directory per probe id), copied from the build's output.
    var probes = work.Combine("probes");
    foreach (var project in GetFiles("./Probes/*/*.csproj"))
    {
        var output = project.GetDirectory().Combine($"bin/{buildConfiguration}/net10.0");
        if (!FileExists(output.CombineWithFilePath(project.GetFilenameWithoutExtension() + ".dll")))
        {
            throw new CakeException($"{output} holds no {project.GetFilenameWithoutExtension()}.dll: the build's output is missing");
        }
        CopyDirectory(output, probes.Combine(project.GetDirectory().GetDirectoryName()));
    }

    // The server's field registry: the schema file `pinger schema` writes for those probes, as Publish does.
    var schema = work.Combine("schema.d");
    EnsureDirectoryExists(schema);
    var schemaRun = FuzzCapture("dotnet", new[] { $"Host/bin/{buildConfiguration}/net10.0/pinger.dll", "schema", "--probe-dir", probes.FullPath });
    if (schemaRun.ExitCode != 0)
    {
        throw new CakeException("pinger schema failed: " + schemaRun.Stderr);
    }
    System.IO.File.WriteAllText(schema.CombineWithFilePath("pinger.json").FullPath, schemaRun.Stdout);

    var targets = new[]
    {
        new FuzzTarget("reports", "Reports", "Pinger.Fuzzing.Reports", "report.dict", new[] { schema.FullPath },
            new[] { "pinger-server.dll", "Pinger.Protocol.dll", "Pinger.Plugins.Sdk.dll" }),
        new FuzzTarget("config", "Config", "Pinger.Fuzzing.Config", "config.dict", new[] { "--probe-dir", probes.FullPath },
            new[] { "Tomlyn.dll", "Pinger.Configuration.dll", "Pinger.Core.dll", "Pinger.Plugins.Sdk.dll" }),
    }.Where(t => only.Length == 0 || only.Contains(t.Name)).ToList();

    var results = new List<FuzzResult>();
    foreach (var target in targets)
    {
        var dir = work.Combine(target.Name);
        var bin = dir.Combine("bin");
        CopyDirectory(MakeAbsolute(Directory($"./test/Fuzzing/{target.Folder}/bin/{buildConfiguration}/net10.0")), bin);
        foreach (var assembly in target.Instrument)
        {
            var instrument = FuzzCapture("dotnet", new[] { "sharpfuzz", bin.CombineWithFilePath(assembly).FullPath });
            if (instrument.ExitCode != 0)
            {
                throw new CakeException($"sharpfuzz {assembly}: {instrument.Stdout}{instrument.Stderr}");
            }
        }
        var harness = new List<string> { bin.CombineWithFilePath(target.Assembly + ".dll").FullPath };
        harness.AddRange(target.Arguments);

        // Seeds: every fixture of the kind, plus the inputs of crashes found and fixed before.
        var seeds = dir.Combine("seeds");
        EnsureDirectoryExists(seeds);
        var found = GetFiles($"./test/Fuzzing/{target.Folder}/found/*").ToList();
        foreach (var seed in (target.Name == "reports" ? ReportSeeds() : ConfigSeeds()).Concat(found.Select(f => (Name: f.GetFilename().FullPath, Bytes: System.IO.File.ReadAllBytes(f.FullPath)))))
        {
            System.IO.File.WriteAllBytes(seeds.CombineWithFilePath(seed.Name).FullPath, seed.Bytes);
        }

        // Crashes fixed before must stay fixed; replaying needs no afl-fuzz.
        if (found.Count > 0)
        {
            var replay = FuzzCapture("dotnet", harness.Concat(new[] { "--replay" }).Concat(found.Select(f => f.FullPath)));
            if (replay.ExitCode != 0)
            {
                throw new CakeException($"{target.Name}: an input of test/Fuzzing/{target.Folder}/found/ crashes again:\n{replay.Stdout}");
            }
        }

        // A dictionary of the format's tokens, and the probe ids, field names and declared values of the registry.
        var dictionary = dir.CombineWithFilePath("tokens.dict");
        var tokens = System.IO.File.ReadAllLines(MakeAbsolute(File($"./test/Fuzzing/{target.Folder}/{target.Dictionary}")).FullPath).ToList();
        tokens.AddRange(SchemaTokens(schema.CombineWithFilePath("pinger.json"), fieldsAndValues: target.Name == "reports").Select(t => "\"" + t.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""));
        System.IO.File.WriteAllLines(dictionary.FullPath, tokens.Distinct());

        Information($"Fuzzing {target.Name} for {seconds} s from {GetFiles(seeds.FullPath + "/*").Count} seeds ({dir}/afl.log)");
        var findings = dir.Combine("findings");
        var afl = new ProcessStartInfo("/usr/bin/afl-fuzz") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-V", seconds.ToString(), "-x", dictionary.FullPath, "-i", seeds.FullPath, "-o", findings.FullPath, "-t", "5000", "-m", "none", "--", "dotnet" }.Concat(harness))
        {
            afl.ArgumentList.Add(argument);
        }
        // dotnet is not instrumented itself (the assemblies are); no terminal UI, no CPU pinning on a shared
        // machine; the runtime takes a while to start its first child.
        afl.Environment["AFL_SKIP_BIN_CHECK"] = "1";
        afl.Environment["AFL_NO_UI"] = "1";
        afl.Environment["AFL_NO_AFFINITY"] = "1";
        afl.Environment["AFL_SKIP_CPUFREQ"] = "1";
        afl.Environment["AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES"] = "1";
        afl.Environment["AFL_FORKSRV_INIT_TMOUT"] = "60000";
        var clock = Stopwatch.StartNew();
        var run = FuzzCapture(afl);
        System.IO.File.WriteAllText(dir.CombineWithFilePath("afl.log").FullPath, run.Stdout + run.Stderr);
        var stats = findings.CombineWithFilePath("default/fuzzer_stats");
        if (run.ExitCode != 0 || !FileExists(stats))
        {
            throw new CakeException($"afl-fuzz on {target.Name} failed (exit {run.ExitCode}); the end of its log:\n" + string.Join("\n", (run.Stdout + run.Stderr).Split('\n').TakeLast(25)));
        }

        var result = FuzzResult.Read(target.Name, stats.FullPath, clock.Elapsed, found.Count);
        var crashes = GetFiles(findings.FullPath + "/default/crashes/id*").ToList();
        if (crashes.Count > 0)
        {
            var kept = work.Combine("crashes/" + target.Name);
            EnsureDirectoryExists(kept);
            CopyFiles(crashes, kept);
            var replay = FuzzCapture("dotnet", harness.Concat(new[] { "--replay" }).Concat(crashes.Select(c => c.FullPath)));
            Warning($"{target.Name}: {crashes.Count} crash(es), kept in {kept}; replayed:");
            foreach (var line in replay.Stdout.Split('\n').Where(l => l.Contains("CRASH") || l.TrimStart().StartsWith("at Pinger.")).Take(40))
            {
                Warning("  " + line.TrimEnd());
            }
        }
        results.Add(result);
    }

    Information("");
    Information($"Fuzz: afl-fuzz {seconds} s per target on {Environment.ProcessorCount} cores (load average {FuzzLoadAverage()})");
    Information($"  {"target",-8} {"executions",12} {"execs/s",8} {"corpus",7} {"crashes",8} {"hangs",6} {"stability",10} {"coverage",9} {"known",6}");
    foreach (var r in results)
    {
        Information($"  {r.Target,-8} {r.Executions,12:N0} {r.ExecsPerSecond,8:F0} {r.Corpus,7} {r.Crashes,8} {r.Hangs,6} {r.Stability,10} {r.Coverage,9} {r.KnownCrashes,6}");
    }
    Information("  (known: inputs of crashes found and fixed before, replayed from test/Fuzzing/*/found/ first)");
    var crashed = results.Where(r => r.Crashes > 0).ToList();
    if (crashed.Count > 0)
    {
        throw new CakeException("Fuzz found crashes in " + string.Join(", ", crashed.Select(r => $"{r.Target} ({r.Crashes})")) + ": see the replays above and artifacts/fuzz/crashes/");
    }
});

// The golden reports of test/fixtures/expected, with a well-formed nonce so they reach the field checks, and as they are.
IEnumerable<(string Name, byte[] Bytes)> ReportSeeds()
{
    foreach (var file in GetFiles("./test/fixtures/expected/*.json").OrderBy(f => f.FullPath))
    {
        var text = System.IO.File.ReadAllText(file.FullPath);
        yield return (file.GetFilename().FullPath, System.Text.Encoding.UTF8.GetBytes(text.Replace("\"random-per-report-----\"", "\"Yk3v0cJm2ZC1aZ5YcXr8tQ\"")));
    }
    var golden = GetFiles("./test/fixtures/expected/*.json").OrderBy(f => f.FullPath).First();
    yield return ("as-fixture-" + golden.GetFilename().FullPath, System.IO.File.ReadAllBytes(golden.FullPath));
}

// Every client config fixture and shipped drop-in, and one probe table per probe.
IEnumerable<(string Name, byte[] Bytes)> ConfigSeeds()
{
    foreach (var file in GetFiles("./test/fixtures/config/**/*.toml").Concat(GetFiles("./contrib/config.d/*.toml")).Concat(GetFiles("./contrib/examples/*.toml")).OrderBy(f => f.FullPath))
    {
        var name = file.GetDirectory().GetDirectoryName() + "-" + file.GetFilename().FullPath;
        yield return (name, System.IO.File.ReadAllBytes(file.FullPath));
    }
    foreach (var project in GetFiles("./Probes/*/*.csproj"))
    {
        var id = project.GetDirectory().GetDirectoryName();
        yield return ($"probe-{id}.toml", System.Text.Encoding.UTF8.GetBytes($"[reporting]\nlevel = \"full\"\nserver = \"https://metrics.example.org/\"\ntimeout_seconds = 30\n\n[probes.{id}]\nenabled = true\n"));
    }
}

// Probe ids (as JSON strings for reports, bare for config) and, for reports, field names and declared values.
IEnumerable<string> SchemaTokens(FilePath schemaFile, bool fieldsAndValues)
{
    using var schema = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(schemaFile.FullPath));
    foreach (var probe in schema.RootElement.GetProperty("probes").EnumerateObject())
    {
        yield return fieldsAndValues ? "\"" + probe.Name + "\"" : probe.Name;
        if (!fieldsAndValues)
        {
            continue;
        }
        foreach (var field in probe.Value.GetProperty("fields").EnumerateObject())
        {
            yield return "\"" + field.Name + "\"";
            if (field.Value.TryGetProperty("allowed", out var allowed))
            {
                foreach (var value in allowed.EnumerateArray())
                {
                    yield return "\"" + value.GetString() + "\"";
                }
            }
        }
    }
}

RunResult FuzzCapture(string program, IEnumerable<string> arguments)
{
    var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }
    return FuzzCapture(start);
}

RunResult FuzzCapture(ProcessStartInfo start)
{
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start);
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    return new RunResult(process.ExitCode, clock.Elapsed.TotalMilliseconds, stdout.Result, stderr.Result);
}

string FuzzLoadAverage() =>
    System.IO.File.Exists("/proc/loadavg") ? System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

record FuzzTarget(string Name, string Folder, string Assembly, string Dictionary, string[] Arguments, string[] Instrument);

// What afl-fuzz's fuzzer_stats says about one run.
record FuzzResult(string Target, long Executions, double ExecsPerSecond, long Corpus, long Crashes, long Hangs, string Stability, string Coverage, TimeSpan Elapsed, int KnownCrashes)
{
    public static FuzzResult Read(string target, string statsFile, TimeSpan elapsed, int known)
    {
        var stats = System.IO.File.ReadAllLines(statsFile)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        long Number(string key) => stats.TryGetValue(key, out var v) && long.TryParse(v, out var n) ? n : 0;
        string Text(string key) => stats.TryGetValue(key, out var v) ? v : "n/a";
        var perSecond = stats.TryGetValue("execs_per_sec", out var eps) && double.TryParse(eps, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var e) ? e : 0;
        // Older afl++ names: unique_crashes, unique_hangs, paths_total.
        return new FuzzResult(target, Number("execs_done"), perSecond,
            Math.Max(Number("corpus_count"), Number("paths_total")),
            Math.Max(Number("saved_crashes"), Number("unique_crashes")),
            Math.Max(Number("saved_hangs"), Number("unique_hangs")),
            Text("stability"), Text("bitmap_cvg"), elapsed, known);
    }
}
