using System.Text.Json;

namespace Pinger.Probes.LayeredPackages;

/// <summary>
/// The package changes of the booted deployment in <c>rpm-ostree status --json</c>. Local RPM names are kept only
/// to be subtracted from the repository names, never to be reported.
/// </summary>
/// <param name="RequestedPackages">Packages requested from repositories (<c>requested-packages</c>), as the user spelled them.</param>
/// <param name="LocalPackages">Local RPM files layered (<c>requested-local-packages</c> and <c>requested-local-fileoverride-packages</c>, NEVRAs).</param>
/// <param name="OverrideCount">Base packages removed or replaced (<c>base-removals</c>, <c>base-local-replacements</c>, <c>base-remote-replacements</c>).</param>
/// <param name="HasRequestedOverrides">Whether removals or replacements are requested, applied or not yet.</param>
internal sealed record BootedDeployment(
    IReadOnlyList<string> RequestedPackages,
    IReadOnlyList<string> LocalPackages,
    int OverrideCount,
    bool HasRequestedOverrides)
{
    /// <summary>
    /// The booted deployment, or null when none is marked booted. Throws <see cref="JsonException"/> when the text is
    /// not JSON or not shaped like rpm-ostree's status.
    /// </summary>
    public static BootedDeployment? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("deployments", out var deployments)
            || deployments.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("The status has no \"deployments\" array.");
        }

        foreach (var deployment in deployments.EnumerateArray())
        {
            if (deployment.ValueKind == JsonValueKind.Object
                && deployment.TryGetProperty("booted", out var booted) && booted.ValueKind == JsonValueKind.True)
            {
                return FromDeployment(deployment);
            }
        }

        return null;
    }

    private static BootedDeployment FromDeployment(JsonElement deployment)
    {
        var requested = Strings(deployment, "requested-packages");
        var local = Strings(deployment, "requested-local-packages").Concat(Strings(deployment, "requested-local-fileoverride-packages")).ToArray();
        var overrides = Length(deployment, "base-removals") + Length(deployment, "base-local-replacements") + Length(deployment, "base-remote-replacements");
        var requestedOverrides = Length(deployment, "requested-base-removals") + Length(deployment, "requested-base-local-replacements");
        return new BootedDeployment(requested, local, overrides, requestedOverrides > 0);
    }

    private static string[] Strings(JsonElement deployment, string property) =>
        Items(deployment, property).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray();

    // base-remote-replacements maps each repository to the packages taken from it; every other list is an array.
    private static int Length(JsonElement deployment, string property) =>
        deployment.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().Sum(p => p.Value.ValueKind == JsonValueKind.Array ? p.Value.GetArrayLength() : 1)
            : Items(deployment, property).Count();

    private static IEnumerable<JsonElement> Items(JsonElement deployment, string property) =>
        deployment.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];
}
