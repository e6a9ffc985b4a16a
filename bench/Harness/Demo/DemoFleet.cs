using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;
using Pinger.Server.Dashboard;

namespace Pinger.Bench.Harness.Demo;

/// <summary>
/// A synthetic fleet of Fedora machines for the Demo and the dashboard's tests: believable, never real. Where the
/// mixes come from:
/// <list type="bullet">
/// <item>Editions: Fedora's public countme totals of January 2021 (shipped in this folder): of dnf-based machines
/// about 53% Workstation, 18% no variant, 9% Cloud, 7% Server, 6% container, 4% KDE; 98% x86_64. Image-based
/// editions (CoreOS, Silverblue, Kinoite, IoT) are not in those totals; Pinger's first users are Fedora CoreOS
/// fleets, so CoreOS gets a quarter of this fleet and the desktop images a smaller share.</item>
/// <item>Releases: <see cref="FedoraReleases"/>; desktops upgrade a month or two after a release, some wait
/// for the end of life; Fedora CoreOS follows its stream (<see cref="DemoMachine"/>); 5% are pinned.</item>
/// <item>Clouds: the public cloud market of 2024 (Synergy Research Group: AWS about 30%, Microsoft 21%, Google
/// 12%), with bare metal, QEMU, OpenStack and VMware for the rest of a Fedora CoreOS fleet.</item>
/// <item>Age: installs spread over three years with the fleet growing about a quarter a year, so about one in ten
/// machines was installed in the last month, as in countme's buckets of 2021.</item>
/// <item>Hardware: desktops with 16 or 32 GiB and 8 to 16 threads (as in public hardware surveys of 2025), cloud
/// instances with 4 to 16 GiB and 2 to 8 vCPUs, IoT boards with 1 to 8 GiB.</item>
/// </list>
/// One machine in three runs at metrics level full. The fleet is drawn from a seeded random source, so the same
/// size and day give the same fleet.
/// </summary>
internal sealed class DemoFleet
{
    private static readonly (string, double)[] DesktopPlatforms = [("none", 0.78), ("kvm", 0.08), ("oracle", 0.06), ("vmware", 0.04), ("microsoft", 0.03), ("apple", 0.01)];
    private static readonly (long, double)[] DesktopMemory = [(4, 0.04), (8, 0.16), (16, 0.42), (32, 0.28), (64, 0.10)];
    private static readonly (long, double)[] DesktopCpus = [(4, 0.15), (8, 0.35), (16, 0.35), (32, 0.15)];
    private static readonly (long, double)[] DesktopDisks = [(256, 0.2), (512, 0.4), (1024, 0.3), (2048, 0.1)];
    private static readonly (long, double)[] CloudMemory = [(2, 0.10), (4, 0.25), (8, 0.30), (16, 0.20), (32, 0.10), (64, 0.05)];
    private static readonly (long, double)[] CloudCpus = [(2, 0.35), (4, 0.30), (8, 0.20), (16, 0.10), (32, 0.05)];
    private static readonly (long, double)[] CloudDisks = [(16, 0.25), (32, 0.30), (64, 0.25), (128, 0.15), (512, 0.05)];

    /// <summary>The editions and their shares of the fleet.</summary>
    public static IReadOnlyList<Edition> Editions { get; } =
    [
        new("coreos", 0.25, true, 0.97, 0.15, 0,
            [("aws", 0.30), ("metal", 0.16), ("qemu", 0.12), ("azure", 0.10), ("gcp", 0.09), ("openstack", 0.08), ("vmware", 0.06),
             ("digitalocean", 0.03), ("hetzner", 0.03), ("ibmcloud", 0.015), ("exoscale", 0.01), ("vultr", 0.005)],
            CloudMemory, CloudCpus, CloudDisks),
        new("workstation", 0.30, false, 0.62, 0.02, 45, DesktopPlatforms, DesktopMemory, DesktopCpus, DesktopDisks),
        new("", 0.07, false, 0.80, 0.02, 60, [("none", 0.5), ("kvm", 0.35), ("container-podman", 0.15)], CloudMemory, CloudCpus, CloudDisks),
        new("server", 0.08, false, 0.95, 0.05, 90, [("none", 0.55), ("kvm", 0.30), ("vmware", 0.10), ("microsoft", 0.05)], CloudMemory, CloudCpus, CloudDisks),
        new("cloud", 0.07, false, 0.97, 0.20, 60, [("amazon", 0.45), ("microsoft", 0.20), ("google", 0.15), ("kvm", 0.20)], CloudMemory, CloudCpus, CloudDisks),
        new("silverblue", 0.08, true, 0.60, 0.02, 30, DesktopPlatforms, DesktopMemory, DesktopCpus, DesktopDisks),
        new("kde", 0.06, false, 0.60, 0.02, 45, DesktopPlatforms, DesktopMemory, DesktopCpus, DesktopDisks),
        new("kinoite", 0.04, true, 0.60, 0.02, 30, DesktopPlatforms, DesktopMemory, DesktopCpus, DesktopDisks),
        new("iot", 0.05, true, 0.95, 0.60, 60, [("none", 0.9), ("kvm", 0.1)], [(1, 0.2), (2, 0.3), (4, 0.3), (8, 0.2)], [(4, 0.9), (8, 0.1)], [(16, 0.3), (32, 0.4), (64, 0.3)]),
    ];

    private static readonly Dictionary<string, (string, double)[]> InstanceTypes = new(StringComparer.Ordinal)
    {
        // A fleet settles on a few sizes; one general-purpose type is often most of it.
        ["aws"] = [("m5.large", 0.5), ("t3.medium", 0.2), ("m6i.xlarge", 0.15), ("m7g.large", 0.15)],
        ["azure"] = [("Standard_D2s_v3", 0.4), ("Standard_D4s_v5", 0.35), ("Standard_B2s", 0.25)],
        ["gcp"] = [("n2-standard-4", 0.4), ("e2-medium", 0.35), ("n2-standard-8", 0.25)],
        ["openstack"] = [("operator-defined", 1.0)],
    };

    private DemoFleet(IReadOnlyList<DemoMachine> machines) => Machines = machines;

    /// <summary>Every machine, retired ones included.</summary>
    public IReadOnlyList<DemoMachine> Machines { get; }

    /// <summary>
    /// A fleet of about <paramref name="size"/> machines running on <paramref name="today"/> (more were installed
    /// over the years and some retired), drawn from <paramref name="seed"/>.
    /// </summary>
    public static DemoFleet Create(int size, DateOnly today, int seed = 2026)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var random = new Random(seed);
        var releases = FedoraReleases.Until(today);
        var machines = new List<DemoMachine>(size + (size / 5));
        var editionChoices = Editions.Select(e => (e, e.Share)).ToArray();

        // Growth of a quarter a year: installs weighted towards the recent past; one in eight is retired later.
        const int HistoryDays = 3 * 365;
        for (var i = 0; i < size * 1.15; i++)
        {
            var edition = Weighted.Pick(random, editionChoices);
            var daysAgo = (int)(HistoryDays * Math.Pow(random.NextDouble(), 1.35));
            var installed = today.AddDays(-daysAgo - 1);
            DateOnly? retired = random.NextDouble() < 0.13 ? installed.AddDays(30 + random.Next(Math.Max(1, daysAgo))) : null;
            var stream = edition.IsCoreOs ? Weighted.Pick(random, [("stable", 0.82), ("testing", 0.12), ("next", 0.06)]) : null;

            // Most upgrade within weeks of a release; one in six waits for the old one's end of life (about 7 months).
            var lag = random.NextDouble() < 0.16 ? 200 + random.Next(20) : (int)(-edition.UpgradeLagDays * Math.Log(1 - random.NextDouble()));
            var pinned = random.NextDouble() < 0.05;
            var full = random.NextDouble() < 0.33;
            var arch = random.NextDouble() < edition.Aarch64 ? "aarch64" : "x86_64";
            var platform = Weighted.Pick(random, edition.Platforms);
            var fromPinnedImage = random.NextDouble() < 0.6;
            machines.Add(new DemoMachine(edition, installed, retired, stream, lag, pinned, full, fromPinnedImage, releases,
                FixedValues(random, edition, stream, arch, platform, full)));
        }

        return new DemoFleet(machines);
    }

    // What a machine reports the same every day: which OS and edition, where it runs, and at level full its hardware.
    private static ReceivedValue[] FixedValues(Random random, Edition edition, string? stream, string arch, string platform, bool full)
    {
        var values = new List<ReceivedValue>
        {
            DemoMachine.Value(ReportFields.OsId, "fedora"),
            DemoMachine.Value(ReportFields.Arch, arch),
            DemoMachine.Value(ReportFields.Platform, platform),
            DemoMachine.Value(ReportFields.PlatformSource, edition.IsCoreOs ? "ignition" : "detected"),
        };
        if (edition.VariantId.Length > 0)
        {
            values.Add(DemoMachine.Value(ReportFields.Variant, edition.VariantId));
        }

        if (stream is not null)
        {
            values.Add(DemoMachine.Value(ReportFields.Stream, stream));
        }

        if (edition.IsCoreOs && InstanceTypes.TryGetValue(platform, out var types))
        {
            values.Add(DemoMachine.Value(ReportFields.InstanceType, Weighted.Pick(random, types)));
            values.Add(DemoMachine.Value("instance-type.source", "afterburn"));
        }

        if (edition.ImageBased)
        {
            var layered = random.NextDouble() < (edition.IsCoreOs ? 0.35 : 0.7);
            values.Add(DemoMachine.Of(ReportFields.Layered, FieldValue.FromBoolean(layered)));
            values.Add(DemoMachine.Value("layered-packages.layered_packages", layered ? Weighted.Pick(random, [(1L, 0.35), (2L, 0.25), (5L, 0.3), (10L, 0.1)]) : 0));
            values.Add(DemoMachine.Value("layered-packages.overridden_packages", random.NextDouble() < 0.1 ? 1 : 0));
        }

        if (full)
        {
            var x86 = arch == "x86_64";
            values.Add(DemoMachine.Value(ReportFields.Memory, Weighted.Pick(random, edition.MemoryGib) << 30));
            values.Add(DemoMachine.Value(ReportFields.LogicalCpus, Weighted.Pick(random, edition.LogicalCpus)));
            values.Add(DemoMachine.Value(ReportFields.DiskTotal, Weighted.Pick(random, edition.DiskGib) << 30));
            values.Add(DemoMachine.Value(ReportFields.CpuVendor, x86 ? Weighted.Pick(random, [("intel", 0.58), ("amd", 0.42)]) : Weighted.Pick(random, [("arm", 0.6), ("ampere", 0.4)])));
            values.Add(DemoMachine.Value(ReportFields.Firmware, !x86 || random.NextDouble() < 0.85 ? "uefi" : "bios"));
            values.Add(DemoMachine.Value("network.ethernet_interfaces", random.NextDouble() < 0.8 ? 1 : 2));
            // Servers run a container engine; on desktops, toolbox and distrobox run podman for about four in ten.
            if (edition.IsCoreOs || edition.VariantId is "server" or "")
            {
                values.Add(DemoMachine.Of("container-runtimes.active", FieldValue.FromList(
                    [Weighted.Pick(random, [("podman", 0.6), ("docker", 0.3), ("cri-o", 0.1)])])));
            }
            else if (edition.DailyActivity < 0.7 && random.NextDouble() < 0.4)
            {
                values.Add(DemoMachine.Of("container-runtimes.active", FieldValue.FromList(["podman"])));
            }
        }

        return values.ToArray();
    }
}
