using Pinger.Server.Storage;

namespace Pinger.Dashboard.Tests.Infrastructure;

/// <summary>
/// The data set most tests look at, with the numbers the page must show. The fixed clock's current week is
/// 2026-11-23 (open, so unpublished, as is the month of November); the server runs at an ε so large that the
/// noise is nil, and cells under the floor of 5 are withheld.
/// <code>
/// week        machines (version, platform, age bucket)
/// 2026-11-09  12 fedora 41 aws 4,  7 fedora 40 gcp 3
/// 2026-11-16  15 fedora 41 aws 4,  6 fedora 40 gcp 3,  3 fedora 39 metal 2 (each of 39, metal, bucket 2 withheld)
/// 2026-11-23   9 fedora 41 aws 4,  5 fedora 42 qemu 1 (open: nothing published)
/// countme, week 2026-11-16: Fedora 41 in two repositories (20 and 18 hits), Fedora 40 8, Fedora 37 6,
/// Fedora 38 2 (countme totals are exact, as Fedora publishes them)
/// </code>
/// </summary>
internal static class KnownCounts
{
    public const long MinCount = 5;

    public static readonly DateOnly Week1 = new(2026, 11, 9);
    public static readonly DateOnly Week2 = new(2026, 11, 16);
    public static readonly DateOnly Week3 = new(2026, 11, 23);

    /// <summary>A value counted under the threshold: it must never appear on the page.</summary>
    public const string WithheldFullVersion = "39.20240101.1.0";

    /// <summary>A platform only the withheld machines have.</summary>
    public const string WithheldPlatform = "metal";

    public static void Write(ICounterStore store)
    {
        Seed.Machines(store, Week1, 12, "41", "aws", 4);
        Seed.Machines(store, Week1, 7, "40", "gcp", 3);
        Seed.Machines(store, Week2, 15, "41", "aws", 4);
        Seed.Machines(store, Week2, 6, "40", "gcp", 3);
        Seed.Machines(store, Week2, 3, "39", WithheldPlatform, 2, WithheldFullVersion);
        Seed.Machines(store, Week3, 9, "41", "aws", 4);
        Seed.Machines(store, Week3, 5, "42", "qemu", 1);
        Seed.Countme(store, Week2,
            ("Fedora", "41", "4", "updates-released-f41", 20),
            ("Fedora", "41", "4", "fedora", 18),
            ("Fedora", "40", "3", "updates-released-f40", 8),
            ("Fedora", "37", "4", "updates-released-f37", 6),
            ("Fedora", "38", "2", "updates-released-f38", 2));
    }
}
