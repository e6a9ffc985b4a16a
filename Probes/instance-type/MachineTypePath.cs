namespace Pinger.Probes.InstanceType;

/// <summary>
/// GCP names a machine type by a path such as <c>projects/123456789012/zones/us-central1-a/machineTypes/n2-standard-4</c>;
/// the project number identifies its owner, so only the last segment is kept.
/// </summary>
internal static class MachineTypePath
{
    public static string LastSegment(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }
}
