namespace Pinger.Testing.Campaigns;

/// <summary>
/// CI size (the default: short enough for every CI run) or full size (PINGER_CAMPAIGN_SIZE=full, set by the
/// ServerCampaigns and ClientCampaigns targets, for the published figures). Shared by every campaign project.
/// </summary>
internal static class CampaignSize
{
    public static bool Full => string.Equals(Environment.GetEnvironmentVariable("PINGER_CAMPAIGN_SIZE"), "full", StringComparison.OrdinalIgnoreCase);

    public static string Name => Full ? "full" : "ci";

    public static int Pick(int ci, int full) => Full ? full : ci;

    /// <summary>A whole-number setting from the environment (e.g. the load campaign's minutes), or the size's default.</summary>
    public static double Setting(string variable, double ci, double full) =>
        double.TryParse(Environment.GetEnvironmentVariable(variable), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : Full ? full : ci;
}
