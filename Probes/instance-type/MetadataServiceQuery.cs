using System.Net;

namespace Pinger.Probes.InstanceType;

/// <summary>
/// One bounded conversation with a metadata service: no proxy, no redirects, no cookies, a small answer, and a
/// deadline. Failures become fixed sentences; neither the address nor anything the service said is kept in them.
/// </summary>
internal sealed class MetadataServiceQuery(string endpoint, long timeoutMs)
{
    /// <summary>The shortest wait accepted; less would fail even on a healthy service.</summary>
    public const long ShortestTimeoutMs = 100;

    /// <summary>The longest wait accepted; the probe's whole budget is 5 s.</summary>
    public const long LongestTimeoutMs = 4000;

    // An instance type is a few dozen characters; anything larger is not one.
    private const int MaxAnswerBytes = 4096;

    // The config check rejects a configured value outside the declared range before any run; the bound only
    // guards callers that build settings by hand.
    private TimeSpan Timeout { get; } = TimeSpan.FromMilliseconds(Math.Clamp(timeoutMs, ShortestTimeoutMs, LongestTimeoutMs));

    public async Task<MetadataAnswer> FetchInstanceTypeAsync(ICloudMetadata cloud, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var baseUri) || baseUri.Scheme != Uri.UriSchemeHttp || baseUri.UserInfo.Length > 0)
        {
            return MetadataAnswer.Failed("The metadata_endpoint setting is not a plain http URL.");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        using var client = CreateClient();
        try
        {
            return MetadataAnswer.Found(await cloud.FetchInstanceTypeAsync(client, baseUri, deadline.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return MetadataAnswer.Failed("The metadata service did not answer within the configured timeout.");
        }
        catch (HttpRequestException e) when (e.StatusCode is not null)
        {
            return MetadataAnswer.Failed("The metadata service answered with an error status.");
        }
        catch (Exception e) when (e is HttpRequestException or FormatException)
        {
            return MetadataAnswer.Failed("The metadata service could not be reached or gave no usable answer.");
        }
    }

    private HttpClient CreateClient()
    {
        // A proxy would send the request off the machine; a redirect could lead anywhere.
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = Timeout,
            AutomaticDecompression = DecompressionMethods.None,
        };
        return new HttpClient(handler, disposeHandler: true)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaxAnswerBytes,
        };
    }
}
