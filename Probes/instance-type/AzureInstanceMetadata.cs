namespace Pinger.Probes.InstanceType;

/// <summary>Azure's Instance Metadata Service: the VM size as plain text.</summary>
internal sealed class AzureInstanceMetadata : ICloudMetadata
{
    /// <inheritdoc />
    public async Task<string> FetchInstanceTypeAsync(HttpClient client, Uri endpoint, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get, new Uri(endpoint, "/metadata/instance/compute/vmSize?api-version=2017-08-01&format=text"));
        request.Headers.Add("Metadata", "true");
        return await MetadataText.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
    }
}
