using Pinger.Fuzzing;
using Pinger.Fuzzing.Reports;
using Pinger.Server.Registry;
using SharpFuzz;

// pinger-server's report reader under afl-fuzz. Usage:
//   Pinger.Fuzzing.Reports SCHEMA_DIR                  read inputs from afl-fuzz (SharpFuzz's fork server)
//   Pinger.Fuzzing.Reports SCHEMA_DIR --replay FILE... check each file once and say what it gave
if (args.Length < 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: Pinger.Fuzzing.Reports SCHEMA_DIR [--replay FILE...]");
    return 2;
}

// Created on first use: instrumented code may only run once SharpFuzz has attached afl-fuzz's coverage map.
var target = new Lazy<ReportTarget>(() => new ReportTarget(FieldRegistryLoader.Load([args[0]])));
if (args.Length > 1 && args[1] == "--replay")
{
    return Replay.Files(args.Skip(2), body => target.Value.Check(body));
}

// Out of process: an input that kills the runtime (a stack overflow) is reported as a crash, and fuzzing goes on.
Fuzzer.OutOfProcess.Run(stream => target.Value.Check(Replay.ReadAll(stream)));
return 0;
