namespace Pinger.Probes.InstanceType;

/// <summary>AWS IMDSv2: a session token first (PUT), then the instance type with that token.</summary>
internal sealed class AwsInstanceMetadata : ICloudMetadata
{
    /// <inheritdoc />
    public async Task<string> FetchInstanceTypeAsync(HttpClient client, Uri endpoint, CancellationToken cancellationToken)
    {
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Put, new Uri(endpoint, "/latest/api/token"));

        // The token is used once, right away; a short life limits what a leak could do.
        tokenRequest.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "60");
        var token = await MetadataText.SendAsync(client, tokenRequest, cancellationToken).ConfigureAwait(false);

        using var typeRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, "/latest/meta-data/instance-type"));
        typeRequest.Headers.Add("X-aws-ec2-metadata-token", token);
        return await MetadataText.SendAsync(client, typeRequest, cancellationToken).ConfigureAwait(false);
    }
}
