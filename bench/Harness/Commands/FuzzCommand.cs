using System.Diagnostics;
using Pinger.Bench.Harness.Fuzzing;
using Pinger.Bench.Harness.Parsing;
using Pinger.Bench.Harness.Processes;

namespace Pinger.Bench.Harness.Commands;

/// <summary>
/// fuzz [--seconds 600] [--targets reports,config] [--configuration Release]: instruments the harnesses of
/// test/Fuzzing/ (from the build's output) with SharpFuzz in a copy under artifacts/fuzz/&lt;target&gt;/, replays the
/// crashes found and fixed before (test/Fuzzing/&lt;Target&gt;/found/), runs afl-fuzz from seeds made of the repository's
/// fixtures, prints executions, corpus, crashes and hangs per target, and fails on any crash.
/// </summary>
internal static class FuzzCommand
{
    private const string AflFuzz = "/usr/bin/afl-fuzz";

    public static int Run(CommandOptions options, RepositoryLayout layout)
    {
        var seconds = options.Integer("seconds", 600);
        var only = options.List("targets");
        var configuration = options.Text("configuration", "Release");
        if (!File.Exists(AflFuzz))
        {
            throw new HarnessException($"{AflFuzz} is missing: ./build.sh --target=Prerequisites names the package (afl++)");
        }

        var work = RepositoryLayout.Fresh(layout.InArtifacts("fuzz"));
        var probes = CopyProbes(layout, work, configuration);

        // The server's field registry: the schema file `pinger schema` writes for those probes, as Publish does.
        var schema = Directory.CreateDirectory(Path.Combine(work, "schema.d")).FullName;
        var schemaRun = ProcessCapture.Run("dotnet", [layout.InRoot("Host", "bin", configuration, "net10.0", "pinger.dll"), "schema", "--probe-dir", probes]);
        if (schemaRun.ExitCode != 0)
        {
            throw new HarnessException("pinger schema failed: " + schemaRun.Stderr);
        }

        var schemaFile = Path.Combine(schema, "pinger.json");
        File.WriteAllText(schemaFile, schemaRun.Stdout);
        var targets = new[]
        {
            new FuzzTarget("reports", "Reports", "Pinger.Fuzzing.Reports", "report.dict", [schema], ["pinger-server.dll", "Pinger.Protocol.dll", "Pinger.Plugins.Sdk.dll"], TakesReports: true),
            new FuzzTarget("config", "Config", "Pinger.Fuzzing.Config", "config.dict", ["--probe-dir", probes], ["Tomlyn.dll", "Pinger.Configuration.dll", "Pinger.Core.dll", "Pinger.Plugins.Sdk.dll"], TakesReports: false),
        };
        foreach (var unknown in only.Where(name => targets.All(t => t.Name != name)))
        {
            throw new HarnessException($"no fuzzing target '{unknown}': the targets are {string.Join(", ", targets.Select(t => t.Name))}");
        }

        var results = targets.Where(t => only.Count == 0 || only.Contains(t.Name))
            .Select(target => (Target: target.Name, Stats: Fuzz(layout, target, work, schemaFile, seconds, configuration, out var known), Known: known))
            .ToList();

        Console.WriteLine();
        Console.WriteLine($"Fuzz: afl-fuzz {seconds} s per target on {Machine.Cores} cores (load average {Machine.LoadAverage})");
        Console.WriteLine($"  {"target",-8} {"executions",12} {"execs/s",8} {"corpus",7} {"crashes",8} {"hangs",6} {"stability",10} {"coverage",9} {"known",6}");
        foreach (var (target, s, known) in results)
        {
            Console.WriteLine($"  {target,-8} {s.Executions,12:N0} {s.ExecsPerSecond,8:F0} {s.Corpus,7} {s.Crashes,8} {s.Hangs,6} {s.Stability,10} {s.Coverage,9} {known,6}");
        }

        Console.WriteLine("  (known: inputs of crashes found and fixed before, replayed from test/Fuzzing/*/found/ first)");
        var crashed = results.Where(r => r.Stats.Crashes > 0).ToList();
        return crashed.Count == 0
            ? 0
            : throw new HarnessException("Fuzz found crashes in " + string.Join(", ", crashed.Select(r => $"{r.Target} ({r.Stats.Crashes})")) + ": see the replays above and artifacts/fuzz/crashes/");
    }

    // The distribution's probes as pinger loads them (a directory per probe id), copied from the build's output.
    private static string CopyProbes(RepositoryLayout layout, string work, string configuration)
    {
        var probes = Path.Combine(work, "probes");
        foreach (var id in FuzzSeeds.ProbeIds(layout))
        {
            var project = Directory.GetFiles(layout.InRoot("Probes", id), "*.csproj").Single();
            var output = Path.Combine(Path.GetDirectoryName(project)!, "bin", configuration, "net10.0");
            if (!File.Exists(Path.Combine(output, Path.GetFileNameWithoutExtension(project) + ".dll")))
            {
                throw new HarnessException($"{output} holds no {Path.GetFileNameWithoutExtension(project)}.dll: build first (./build.sh --target=Build)");
            }

            CopyTree(output, Path.Combine(probes, id));
        }

        return probes;
    }

    private static FuzzerStats Fuzz(RepositoryLayout layout, FuzzTarget target, string work, string schemaFile, int seconds, string configuration, out int known)
    {
        var dir = Path.Combine(work, target.Name);
        var bin = Path.Combine(dir, "bin");
        CopyTree(layout.InRoot("test", "Fuzzing", target.Folder, "bin", configuration, "net10.0"), bin);
        foreach (var assembly in target.Instrument)
        {
            var instrument = ProcessCapture.Run("dotnet", ["sharpfuzz", Path.Combine(bin, assembly)]);
            if (instrument.ExitCode != 0)
            {
                throw new HarnessException($"sharpfuzz {assembly}: {instrument.Stdout}{instrument.Stderr}");
            }
        }

        List<string> harness = [Path.Combine(bin, target.Assembly + ".dll"), .. target.Arguments];

        // Seeds: every fixture of the kind, plus the inputs of crashes found and fixed before.
        var seeds = Directory.CreateDirectory(Path.Combine(dir, "seeds")).FullName;
        var foundDirectory = layout.InRoot("test", "Fuzzing", target.Folder, "found");
        var found = Directory.Exists(foundDirectory) ? Directory.GetFiles(foundDirectory).Order(StringComparer.Ordinal).ToList() : [];
        known = found.Count;
        var fixtures = target.TakesReports ? FuzzSeeds.Reports(layout) : FuzzSeeds.Configs(layout);
        foreach (var (name, bytes) in fixtures.Concat(found.Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))))
        {
            File.WriteAllBytes(Path.Combine(seeds, name), bytes);
        }

        // Crashes fixed before must stay fixed; replaying needs no afl-fuzz.
        if (found.Count > 0)
        {
            var replay = ProcessCapture.Run("dotnet", [.. harness, "--replay", .. found]);
            if (replay.ExitCode != 0)
            {
                throw new HarnessException($"{target.Name}: an input of test/Fuzzing/{target.Folder}/found/ crashes again:\n{replay.Stdout}");
            }
        }

        // A dictionary of the format's tokens, and the probe ids, field names and declared values of the registry.
        var dictionary = Path.Combine(dir, "tokens.dict");
        var tokens = File.ReadAllLines(layout.InRoot("test", "Fuzzing", target.Folder, target.Dictionary)).ToList();
        tokens.AddRange(FuzzSeeds.SchemaTokens(File.ReadAllText(schemaFile), fieldsAndValues: target.TakesReports)
            .Select(t => "\"" + t.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));
        File.WriteAllLines(dictionary, tokens.Distinct());

        Console.WriteLine($"Fuzzing {target.Name} for {seconds} s from {Directory.GetFiles(seeds).Length} seeds ({dir}/afl.log)");
        var findings = Path.Combine(dir, "findings");
        var afl = new ProcessStartInfo(AflFuzz);
        foreach (var argument in new[] { "-V", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-x", dictionary, "-i", seeds, "-o", findings, "-t", "5000", "-m", "none", "--", "dotnet" }.Concat(harness))
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
        var run = ProcessCapture.Run(afl);
        File.WriteAllText(Path.Combine(dir, "afl.log"), run.Stdout + run.Stderr);
        var stats = Path.Combine(findings, "default", "fuzzer_stats");
        if (run.ExitCode != 0 || !File.Exists(stats))
        {
            throw new HarnessException($"afl-fuzz on {target.Name} failed (exit {run.ExitCode}); the end of its log:\n" + string.Join("\n", (run.Stdout + run.Stderr).Split('\n').TakeLast(25)));
        }

        var crashDirectory = Path.Combine(findings, "default", "crashes");
        var crashes = Directory.Exists(crashDirectory) ? Directory.GetFiles(crashDirectory, "id*") : [];
        if (crashes.Length > 0)
        {
            var kept = Directory.CreateDirectory(Path.Combine(work, "crashes", target.Name)).FullName;
            foreach (var crash in crashes)
            {
                File.Copy(crash, Path.Combine(kept, Path.GetFileName(crash)), overwrite: true);
            }

            var replay = ProcessCapture.Run("dotnet", [.. harness, "--replay", .. crashes]);
            Console.WriteLine($"{target.Name}: {crashes.Length} crash(es), kept in {kept}; replayed:");
            foreach (var line in replay.Stdout.Split('\n').Where(l => l.Contains("CRASH", StringComparison.Ordinal) || l.TrimStart().StartsWith("at Pinger.", StringComparison.Ordinal)).Take(40))
            {
                Console.WriteLine("  " + line.TrimEnd());
            }
        }

        return FuzzerStats.Parse(File.ReadAllText(stats));
    }

    private static void CopyTree(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            throw new HarnessException($"{from} is missing: build first (./build.sh --target=Build)");
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }
    }
}
