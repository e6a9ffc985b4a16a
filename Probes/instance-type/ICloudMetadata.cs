namespace Pinger.Probes.InstanceType;

/// <summary>How one cloud's metadata service tells the instance type.</summary>
internal interface ICloudMetadata
{
    /// <summary>
    /// Asks the service under <paramref name="endpoint"/>. Throws <see cref="HttpRequestException"/> when it cannot
    /// be reached or refuses, and <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.
    /// </summary>
    Task<string> FetchInstanceTypeAsync(HttpClient client, Uri endpoint, CancellationToken cancellationToken);
}
