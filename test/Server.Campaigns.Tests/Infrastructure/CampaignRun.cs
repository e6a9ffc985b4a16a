namespace Pinger.Server.Campaigns.Tests.Infrastructure;

/// <summary>Once per test run: stops the shared PostgreSQL cluster and removes its directory.</summary>
[TestClass]
public static class CampaignRun
{
    [AssemblyCleanup]
    public static void Cleanup() => PostgresCluster.StopShared();
}
