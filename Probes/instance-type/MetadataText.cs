namespace Pinger.Probes.InstanceType;

/// <summary>Sends one metadata request and returns the body as trimmed text.</summary>
internal static class MetadataText
{
    public static async Task<string> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Trim();
    }
}
