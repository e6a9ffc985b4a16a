using System.Globalization;
using Pinger.Bench.Harness.Parsing;
using Pinger.Protocol.Windows;
using Pinger.Server.Publishing;
using Pinger.Server.Registry;
using Pinger.Server.Storage;

namespace Pinger.Bench.Harness.Commands;

/// <summary>
/// privacy [--machines 100000] [--weeks 52] [--epsilon 1] [--seed 1]: releases every week of a synthetic fleet through
/// the server's own mechanism (<see cref="PrivacyBudget"/>, <see cref="WindowReleaser"/>, <see cref="DiscreteLaplace"/>
/// over the cryptographic generator) under the published field registry, and prints, for every OS release and
/// platform with at least 1% of a week's machines, the worst error of its published weekly count over the weeks it
/// had that share; PASS when every one stays within ±2%. A withheld count is an error of 100%.
/// </summary>
internal static class PrivacyBench
{
    private const double MinShare = 0.01;
    private const double MaxError = 0.02;

    public static int Run(CommandOptions options, RepositoryLayout layout)
    {
        var machines = options.Integer("machines", 100_000);
        var weeks = options.Integer("weeks", 52);
        var epsilon = (decimal)options.Number("epsilon", 1.0);
        var seed = options.Integer("seed", 1);
        var registry = FieldRegistryLoader.Load([layout.RequirePublished(layout.ServerSchema)]);
        var budget = new PrivacyBudget(epsilon, PrivacyBudget.DefaultDelta, minCount: 10);
        var releaser = new WindowReleaser(budget, new DiscreteLaplace(new CryptographicUniform()));
        var fleet = SyntheticFleet.Create(machines, new Random(seed));
        var firstWeek = CountingCalendar.StartOf(WindowKind.Week, new DateOnly(2026, 1, 5));

        Console.WriteLine($"Bench: differentially private weekly release, {machines:N0} machines over {weeks} weeks, ε = {epsilon.ToString(CultureInfo.InvariantCulture)} per window");
        foreach (var part in budget.Plan(registry).Where(p => p.Name is PrivacyBudget.OsReleaseField or PrivacyBudget.PlatformField))
        {
            Console.WriteLine($"  {part.Name}: share ε = {part.Epsilon.ToDouble().ToString("0.###", CultureInfo.InvariantCulture)}, scale t = {part.Scale.ToDouble().ToString("0.###", CultureInfo.InvariantCulture)}, threshold τ = {part.Threshold}");
        }

        var worst = new Dictionary<(string Field, string Value), Worst>();
        for (var w = 0; w < weeks; w++)
        {
            var window = new CountingWindow(WindowKind.Week, firstWeek.AddDays(7 * w));
            var counted = fleet.Week(window, w);
            var release = releaser.Compute(window, counted, registry);
            var total = counted.Reports.Single().Reports;
            var published = release.Cells.ToDictionary(c => (c.Field, c.Value), c => c.Count);
            foreach (var cell in counted.Cells.Where(c => c.Field is PrivacyBudget.OsReleaseField or PrivacyBudget.PlatformField && c.Count >= MinShare * total))
            {
                var shown = published.TryGetValue((cell.Field, cell.Value), out var count) ? count : (long?)null;
                var error = shown is { } s ? Math.Abs(s - cell.Count) / (double)cell.Count : 1.0;
                if (!worst.TryGetValue((cell.Field, cell.Value), out var so_far) || error > so_far.Error)
                {
                    worst[(cell.Field, cell.Value)] = new Worst(window.Start, cell.Count, shown, error, (so_far?.Weeks ?? 0) + 1);
                }
                else
                {
                    worst[(cell.Field, cell.Value)] = so_far with { Weeks = so_far.Weeks + 1 };
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| Field | Value | Weeks with ≥ 1% | Worst week | True count | Published | Error | Result |");
        Console.WriteLine("|---|---|---:|---|---:|---:|---:|---|");
        var failed = 0;
        foreach (var ((field, value), row) in worst.OrderBy(p => p.Key.Field, StringComparer.Ordinal).ThenBy(p => p.Key.Value, StringComparer.Ordinal))
        {
            var pass = row.Error <= MaxError;
            failed += pass ? 0 : 1;
            var shown = row.Published is { } p ? p.ToString("N0", CultureInfo.InvariantCulture) : "withheld";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{field}` | {value} | {row.Weeks} | {row.Week:yyyy-MM-dd} | {row.Truth:N0} | {shown} | {row.Error * 100:0.00}% | {(pass ? "PASS" : "FAIL")} |"));
        }

        Console.WriteLine();
        Console.WriteLine(failed == 0
            ? $"PASS: every OS release and platform with ≥ 1% share stays within ±2% in all {weeks} weeks"
            : $"FAIL: {failed} of {worst.Count} values left ±2% in some week");
        FigureLog.Record(layout, new Figure("DP weekly release, worst error of a ≥ 1% value", string.Create(CultureInfo.InvariantCulture, $"{worst.Values.Max(r => r.Error) * 100:0.00}%"), null, "±2%", failed == 0));
        return failed == 0 ? 0 : 1;
    }

    private sealed record Worst(DateOnly Week, long Truth, long? Published, double Error, int Weeks);
}
