namespace Pinger.Server.Countme.Tests;

/// <summary>Expected totals keys, written out by hand.</summary>
internal static class Keys
{
    public static readonly DateOnly Week2614 = new(2020, 2, 10);

    public static CountmeTotalsKey Fedora33(string sysAge = "1", string repo = "fedora-33", string arch = "x86_64", DateOnly? week = null) =>
        new(week ?? Week2614, "Fedora", "33", "workstation", "x86_64", sysAge, repo, arch);

    public static string Show(IReadOnlyDictionary<CountmeTotalsKey, long> totals) =>
        string.Join("\n", totals.OrderBy(t => t.Key.ToString(), StringComparer.Ordinal).Select(t => $"{t.Value} {t.Key}"));

    public static void AreEqual(IReadOnlyDictionary<CountmeTotalsKey, long> expected, IReadOnlyDictionary<CountmeTotalsKey, long> actual) =>
        Assert.AreEqual(Show(expected), Show(actual));
}
