using Pinger.Configuration;
using Pinger.Core.Discovery;
using Pinger.Fuzzing.Config;
using Pinger.Fuzzing;
using SharpFuzz;

// One client config drop-in under afl-fuzz. Usage:
//   Pinger.Fuzzing.Config [--probe-dir DIR]                  read inputs from afl-fuzz (SharpFuzz's fork server)
//   Pinger.Fuzzing.Config [--probe-dir DIR] --replay FILE... check each file once and say what it gave
// With --probe-dir, [probes.<id>] tables are checked against the probes loaded from DIR, as `pinger` does.
var rest = args.ToList();
string? probeDirectory = null;
if (rest.Count >= 2 && rest[0] == "--probe-dir")
{
    probeDirectory = rest[1];
    rest.RemoveRange(0, 2);
}

// Created on first use: instrumented code may only run once SharpFuzz has attached afl-fuzz's coverage map.
var target = new Lazy<ConfigTarget>(() => new ConfigTarget(Probes(probeDirectory)));
if (rest.Count > 0 && rest[0] == "--replay")
{
    return Replay.Files(rest.Skip(1), bytes => target.Value.Check(bytes));
}

// Out of process: an input that kills the runtime (a stack overflow) is reported as a crash, and fuzzing goes on.
Fuzzer.OutOfProcess.Run(stream => target.Value.Check(Replay.ReadAll(stream)));
return 0;

static KnownProbes Probes(string? directory)
{
    if (directory is null)
    {
        return KnownProbes.NotLoaded;
    }

    var catalog = new PluginProbeLoader().Load([new ProbeSearchPath(directory, ProbeOrigin.Distribution)]);
    if (catalog.Failures.Count > 0 || catalog.Probes.Count == 0)
    {
        // Fuzzing against fewer probes than the distribution's would quietly test less: stop instead.
        throw new InvalidOperationException($"{directory}: {catalog.Probes.Count} probes loaded; " + string.Join("; ", catalog.Failures.Select(f => $"{f.Name}: {f.Message}")));
    }

    return catalog.AsKnownProbes();
}
