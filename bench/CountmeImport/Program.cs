using System.Diagnostics;
using CountmeImportBench;
using Pinger.Server.Countme;

// `countme-import-bench 50 200`: for each size, write a synthetic log (plain and gzip) in a temp dir and
// import each in a child process of its own, so every peak working set belongs to one import alone.
// `countme-import-bench import FILE` is that child; `countme-import-bench generate FILE MB [gz]` keeps a log to look at.
// `countme-import-bench reference MB [DIR]` compares with mirrors-countme (see ReferenceComparison);
// `countme-import-bench import-log ...` is its child, pinger-server's own import-log.
if (args is ["reference", var referenceSize, .. var referenceDirectory])
{
    return ReferenceComparison.Run(int.Parse(referenceSize, System.Globalization.CultureInfo.InvariantCulture), referenceDirectory is [var folder] ? folder : null);
}
if (args is ["import-log", ..])
{
    return ReferenceComparison.ImportLog(args);
}
if (args is ["generate", var output, var sizeText, .. var rest])
{
    SyntheticAccessLog.Write(output, int.Parse(sizeText, System.Globalization.CultureInfo.InvariantCulture), rest is ["gz"]);
    return 0;
}
if (args is ["import", var file, .. var contentSize])
{
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    var result = CountmeLogImporter.Import(file);
    stopwatch.Stop();
    process.Refresh();
    // CPU time as well as wall time: on a shared machine the wall clock also counts other people's work.
    var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
    var megabytes = new FileInfo(file).Length / 1e6;
    var contentMegabytes = contentSize is [var size] ? long.Parse(size, System.Globalization.CultureInfo.InvariantCulture) / 1e6 : megabytes;
    Console.WriteLine(
        $"{Path.GetFileName(file),-20} {megabytes,6:F1} MB stored  wall {stopwatch.Elapsed.TotalSeconds,5:F2} s {contentMegabytes / stopwatch.Elapsed.TotalSeconds,6:F1} MB/s  " +
        $"cpu {cpuSeconds,5:F2} s {contentMegabytes / cpuSeconds,6:F1} MB/s of log text  " +
        $"lines {result.LinesRead,10:N0} counted {result.LinesCounted,9:N0} malformed {result.LinesMalformed} keys {result.Totals.Count,5}  " +
        $"peak working set {process.PeakWorkingSet64 / 1e6:F0} MB, live managed {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F1} MB");
    GC.KeepAlive(result);
    return 0;
}

var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : [50, 200];
var directory = Directory.CreateTempSubdirectory("countme-bench-");
try
{
    Console.WriteLine($"single-threaded import, {Environment.ProcessorCount} cores on this machine, files in {directory.FullName}");
    foreach (var size in sizes)
    {
        long contentBytes = 0;
        foreach (var gzip in new[] { false, true })
        {
            var path = Path.Combine(directory.FullName, $"access-{size}mb{(gzip ? ".log.gz" : ".log")}");
            SyntheticAccessLog.Write(path, size, gzip);
            contentBytes = gzip ? contentBytes : new FileInfo(path).Length;
            // Each import runs in a child process of its own, for a clean peak working set.
            using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!,
                ["import", path, contentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
            child.WaitForExit();
            File.Delete(path);
        }
    }
}
finally
{
    directory.Delete(recursive: true);
}

// The public 2021 totals beside the repository, when this checkout has them: read in place, never copied.
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "Pinger.slnx")))
{
    root = root.Parent;
}
var shared = root?.Parent is { } parent ? Path.Combine(parent.FullName, "shared/data/fedora-countme-totals-2021") : null;
if (shared is not null && Directory.Exists(shared))
{
    foreach (var name in new[] { "totals.csv", "countme_totals.sqlite" })
    {
        var stopwatch = Stopwatch.StartNew();
        var totals = CountmeTotalsReader.Read(Path.Combine(shared, name));
        Console.WriteLine(
            $"{name,-22} rows {totals.LinesRead,6:N0} keys {totals.Totals.Count,6:N0} hits {totals.Totals.Values.Sum(),10:N0} " +
            $"weeks {string.Join(' ', totals.Totals.Keys.Select(k => k.WeekStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order())}  {stopwatch.ElapsedMilliseconds} ms");
    }
}
return 0;
