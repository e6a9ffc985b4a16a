using System.Diagnostics;
using System.Globalization;
using Pinger.Protocol.Windows;
using TotalsSeed;

// totals-seed STATE_DIR SCHEMA_DIR [REPORTS] [LAST_DAY]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: totals-seed STATE_DIR SCHEMA_DIR [REPORTS (10000000)] [LAST_DAY (today, UTC)]");
    return 2;
}

var stateDirectory = args[0];
var schemaDirectory = args[1];
var reports = args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 10_000_000;
var lastDay = args.Length > 3 ? DateOnly.ParseExact(args[3], "yyyy-MM-dd", CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.UtcNow);

var watch = Stopwatch.StartNew();
var population = new SyntheticPopulation(schemaDirectory);
var counters = new CounterTables();
// 52 weekly windows: the current one (up to the last day) and the 51 before it.
var firstDay = CountingCalendar.StartOf(WindowKind.Week, lastDay).AddDays(-7 * 51);
var days = lastDay.DayNumber - firstDay.DayNumber + 1;
long counted = 0;
for (var day = 0; day < days; day++)
{
    var date = firstDay.AddDays(day);
    var remaining = reports - counted;
    var today = remaining / (days - day);
    foreach (var (report, count) in population.ReportsOn(date, day / (double)days, today))
    {
        counters.Add(report, count);
        counted += count;
    }
}

var rows = counters.WriteTo(Path.Combine(stateDirectory, Pinger.Server.Storage.SqliteCounterStore.FileName));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"seeded {counted:N0} counted reports from {firstDay:yyyy-MM-dd} to {lastDay:yyyy-MM-dd}: {rows:N0} counter rows in {watch.Elapsed.TotalSeconds:F1} s"));
return 0;
