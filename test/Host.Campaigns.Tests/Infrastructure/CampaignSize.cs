namespace Pinger.Host.Campaigns.Tests.Infrastructure;

/// <summary>
/// CI size (the default: short enough for every CI run) or full size (PINGER_CAMPAIGN_SIZE=full, set by
/// ./build.sh --target=ClientCampaigns, for the published figures). Shared with test/Properties.Tests.
/// </summary>
internal static class CampaignSize
{
    public static bool Full => string.Equals(Environment.GetEnvironmentVariable("PINGER_CAMPAIGN_SIZE"), "full", StringComparison.OrdinalIgnoreCase);

    public static string Name => Full ? "full" : "ci";

    public static int Pick(int ci, int full) => Full ? full : ci;
}
