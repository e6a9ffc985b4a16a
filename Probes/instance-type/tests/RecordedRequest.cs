namespace Pinger.Probes.InstanceType.Tests;

/// <summary>One request the fake metadata server received: method, target (path and query) and headers.</summary>
internal sealed record RecordedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
