namespace Pinger.Bench.Harness.Demo;

/// <summary>One kind of machine of the demo fleet: a Fedora edition with its own platforms, hardware and habits.</summary>
/// <param name="VariantId">os-release VARIANT_ID ("" for a plain Fedora without one).</param>
/// <param name="Share">Its share of the fleet.</param>
/// <param name="ImageBased">Whether it is an rpm-ostree or bootc image (it then reports its build and layered packages).</param>
/// <param name="DailyActivity">The chance that a machine is up and reports on a given day.</param>
/// <param name="Aarch64">The share of aarch64 machines (the rest are x86_64).</param>
/// <param name="UpgradeLagDays">The mean number of days a machine waits before moving to a new release.</param>
/// <param name="Platforms">Where its machines run, by the platform probe's ids.</param>
/// <param name="MemoryGib">Its machines' memory.</param>
/// <param name="LogicalCpus">Its machines' logical CPUs.</param>
/// <param name="DiskGib">Its machines' disk capacity.</param>
internal sealed record Edition(
    string VariantId,
    double Share,
    bool ImageBased,
    double DailyActivity,
    double Aarch64,
    int UpgradeLagDays,
    (string Value, double Weight)[] Platforms,
    (long Value, double Weight)[] MemoryGib,
    (long Value, double Weight)[] LogicalCpus,
    (long Value, double Weight)[] DiskGib)
{
    /// <summary>Whether machines of this edition are Fedora CoreOS (Ignition names the platform; they follow a stream).</summary>
    public bool IsCoreOs => VariantId == "coreos";
}
