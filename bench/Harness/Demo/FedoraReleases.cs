namespace Pinger.Bench.Harness.Demo;

/// <summary>
/// Fedora's releases and their general-availability dates, for the demo fleet's upgrade waves. F37 to F43 are the
/// published dates (docs.fedoraproject.org/en-US/releases/, the "Schedule" of each release); F44 and later are
/// projected on Fedora's six-month cadence (late April, late October), because the demo's year runs up to the day
/// it is started.
/// </summary>
internal static class FedoraReleases
{
    private static readonly (int Version, DateOnly Date)[] Published =
    [
        (37, new DateOnly(2022, 11, 15)),
        (38, new DateOnly(2023, 4, 18)),
        (39, new DateOnly(2023, 11, 7)),
        (40, new DateOnly(2024, 4, 23)),
        (41, new DateOnly(2024, 10, 29)),
        (42, new DateOnly(2025, 4, 15)),
        (43, new DateOnly(2025, 10, 28)),
    ];

    /// <summary>Every release out by <paramref name="until"/>, oldest first (projected ones included).</summary>
    public static IReadOnlyList<(int Version, DateOnly Date)> Until(DateOnly until)
    {
        var releases = Published.ToList();
        while (true)
        {
            var (version, date) = releases[^1];
            var next = date.AddMonths(6);
            if (next > until)
            {
                return releases;
            }

            releases.Add((version + 1, next));
        }
    }

    /// <summary>The release out on <paramref name="day"/>, <paramref name="lagDays"/> days late; never older than <paramref name="floor"/>.</summary>
    public static int On(IReadOnlyList<(int Version, DateOnly Date)> releases, DateOnly day, int lagDays, int floor)
    {
        var version = floor;
        foreach (var (candidate, date) in releases)
        {
            if (date.AddDays(lagDays) <= day && candidate > version)
            {
                version = candidate;
            }
        }

        return version;
    }
}
