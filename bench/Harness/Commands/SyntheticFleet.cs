using System.Globalization;
using Pinger.Protocol.Windows;
using Pinger.Server.Publishing;
using Pinger.Server.Storage;

namespace Pinger.Bench.Harness.Commands;

/// <summary>
/// A made-up fleet of Fedora CoreOS machines for the privacy bench. Each machine has a platform (a long tail, as
/// clouds and bare metal are), an install week before the year, and for three in ten a reinstall during it (which
/// moves the age buckets), and an upgrade lag: a new release comes out every 26 weeks and a machine moves to it
/// that many weeks later; a few machines are pinned and never move. A machine misses a week now and then.
/// </summary>
internal sealed class SyntheticFleet
{
    // Release weeks relative to the first week of the bench: 41 and 42 are out already, 43 and 44 come during it.
    private static readonly (int Week, string Version)[] Releases = [(-60, "41"), (-34, "42"), (-8, "43"), (18, "44"), (44, "45")];
    private static readonly (string Platform, double Share)[] Platforms =
    [
        ("aws", 0.30), ("metal", 0.20), ("qemu", 0.14), ("azure", 0.10), ("gcp", 0.09), ("openstack", 0.06), ("vmware", 0.05),
        ("digitalocean", 0.025), ("hetzner", 0.015), ("ibmcloud", 0.012), ("exoscale", 0.004), ("vultr", 0.004),
    ];

    private readonly Machine[] _machines;
    private readonly Random _random;

    private SyntheticFleet(Machine[] machines, Random random) => (_machines, _random) = (machines, random);

    /// <summary><paramref name="count"/> machines drawn from <paramref name="random"/>.</summary>
    public static SyntheticFleet Create(int count, Random random)
    {
        var machines = new Machine[count];
        for (var i = 0; i < count; i++)
        {
            var platform = Pick(random.NextDouble());
            var installWeek = random.Next(-150, 0);
            var reinstallWeek = random.NextDouble() < 0.3 ? random.Next(0, 52) : int.MaxValue;
            var lag = random.NextDouble() < 0.06 ? 1000 : (int)Math.Round(-6 * Math.Log(1 - random.NextDouble()));
            var arch = random.NextDouble() < 0.8 ? "x86_64" : "aarch64";
            machines[i] = new Machine(platform, installWeek, reinstallWeek, lag, arch);
        }

        return new SyntheticFleet(machines, random);
    }

    /// <summary>The exact counters of week <paramref name="week"/> (0-based) as the server would have counted them.</summary>
    public TotalsSnapshot Week(CountingWindow window, int week)
    {
        var cells = new Dictionary<(string Field, string Value), long>();
        var systems = new Dictionary<SystemTuple, long>();
        long reports = 0;
        foreach (var machine in _machines)
        {
            if (_random.NextDouble() < 0.03)
            {
                continue;
            }

            reports++;
            var installed = machine.ReinstallWeek <= week ? machine.ReinstallWeek : machine.InstallWeek;
            var version = Releases.Where(r => r.Week <= Math.Max(installed, week - machine.Lag)).Select(r => r.Version).DefaultIfEmpty(Releases[0].Version).Last();
            var age = (week - installed) switch
            {
                < 1 => "1",
                < 4 => "2",
                < 26 => "3",
                _ => "4",
            };
            Add(cells, PrivacyBudget.OsReleaseField, version);
            Add(cells, PrivacyBudget.PlatformField, machine.Platform);
            Add(cells, "os-versions.id", "fedora");
            Add(cells, "os-versions.variant_id", "coreos");
            Add(cells, "os-versions.machine", machine.Arch);
            var system = new SystemTuple("fedora", version, "coreos", machine.Arch, age, machine.Platform);
            systems[system] = systems.GetValueOrDefault(system) + 1;
        }

        return new TotalsSnapshot(
            [new WindowCount(window, reports)],
            cells.Select(c => new TotalsCell(window, c.Key.Field, c.Key.Value, c.Value)).ToArray(),
            systems.Select(s => new SystemCount(window, s.Key, s.Value)).ToArray());
    }

    private static void Add(Dictionary<(string, string), long> cells, string field, string value) =>
        cells[(field, value)] = cells.GetValueOrDefault((field, value)) + 1;

    private static string Pick(double draw)
    {
        foreach (var (platform, share) in Platforms)
        {
            if ((draw -= share) < 0)
            {
                return platform;
            }
        }

        return Platforms[^1].Platform;
    }

    private sealed record Machine(string Platform, int InstallWeek, int ReinstallWeek, int Lag, string Arch);
}
