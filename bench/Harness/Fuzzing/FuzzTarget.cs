namespace Pinger.Bench.Harness.Fuzzing;

/// <summary>
/// One fuzzing harness of test/Fuzzing/: its name on the command line, its folder, its assembly, its token
/// dictionary, the arguments it takes, the assemblies instrumented for coverage, and whether its seeds are reports.
/// </summary>
internal sealed record FuzzTarget(string Name, string Folder, string Assembly, string Dictionary, IReadOnlyList<string> Arguments, IReadOnlyList<string> Instrument, bool TakesReports);
