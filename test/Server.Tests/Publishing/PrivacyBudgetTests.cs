using Pinger.Protocol.Windows;
using Pinger.Server.Publishing;
using Pinger.Server.Registry;
using Pinger.Server.Storage;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Publishing;

[TestClass]
public sealed class PrivacyBudgetTests
{
    private static FieldRegistry StandardRegistry()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "10-test.json"), TestSchema.Json(TestSchema.Standard));
        return FieldRegistryLoader.Load([directory.Path]);
    }

    [TestMethod]
    public void The_shares_add_up_to_epsilon_and_the_read_marginals_get_the_largest()
    {
        var plan = new PrivacyBudget(1.0m, PrivacyBudget.DefaultDelta, 10).Plan(StandardRegistry());
        var total = plan.Aggregate(new Rational(0, 1), (sum, part) => sum + part.Epsilon);
        var share = plan.ToDictionary(p => p.Name, p => p.Epsilon.ToDouble());

        Assert.AreEqual(new Rational(1, 1), total, "sequential composition: the window's releases spend exactly ε");
        Assert.AreEqual(0.375, share[PrivacyBudget.OsReleaseField]);
        Assert.AreEqual(0.375, share[PrivacyBudget.PlatformField]);
        Assert.AreEqual(0.1, share[PrivacyBudget.AgePart]);
        var others = plan.Where(p => p.Name is not PrivacyBudget.OsReleaseField and not PrivacyBudget.PlatformField and not PrivacyBudget.AgePart);
        Assert.IsTrue(others.All(p => p.Epsilon.ToDouble() < 0.1), "every other release gets less than the age bucket");
        Assert.AreEqual(44, plan.Single(p => p.Name == PrivacyBudget.OsReleaseField).Threshold, "τ = 1 + ⌈(8/3)·ln(10⁷)⌉");
    }

    [TestMethod]
    public void The_age_marginal_is_one_noisy_draw_per_bucket_of_the_exact_tuples()
    {
        var week = new CountingWindow(WindowKind.Week, new DateOnly(2026, 11, 16));
        var tuple = new SystemTuple("fedora", "41", "coreos", "x86_64", "3", "aws");
        var counted = new TotalsSnapshot(
            [new WindowCount(week, 10)],
            [],
            [new SystemCount(week, tuple, 5), new SystemCount(week, tuple with { OsVersion = "40", Platform = "gcp" }, 4), new SystemCount(week, tuple with { SysAge = "1" }, 1)]);
        var budget = new PrivacyBudget(10_000m, PrivacyBudget.DefaultDelta, 2);

        var release = new WindowReleaser(budget, new DiscreteLaplace(new CryptographicUniform())).Compute(week, counted, StandardRegistry());

        var ages = release.Cells.Where(c => c.Field == PrivacyBudget.AgePart).ToDictionary(c => c.Value, c => c.Count);
        CollectionAssert.AreEquivalent(new Dictionary<string, long> { ["3"] = 9 }, ages, "bucket 3 adds both tuples; bucket 1, one machine, is under the threshold");
    }
}
