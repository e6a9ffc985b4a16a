namespace Pinger.Bench.Harness.Demo;

/// <summary>What the seeding wrote.</summary>
/// <param name="Machines">Machines running on the last seeded day.</param>
/// <param name="Reports">Reports committed.</param>
/// <param name="CountmeHits">Countme hits committed.</param>
internal sealed record DemoSeedSummary(int Machines, long Reports, long CountmeHits);
