namespace Pinger.Probes.InstanceType;

/// <summary>GCP's metadata server: the machine type as a path, of which only the last segment is kept.</summary>
internal sealed class GcpInstanceMetadata : ICloudMetadata
{
    /// <inheritdoc />
    public async Task<string> FetchInstanceTypeAsync(HttpClient client, Uri endpoint, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, "/computeMetadata/v1/instance/machine-type"));
        request.Headers.Add("Metadata-Flavor", "Google");
        var path = await MetadataText.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return MachineTypePath.LastSegment(path);
    }
}
