namespace Pinger.Bench.Harness.Packaging;

/// <summary>What one rpmbuild run produced: the client and server packages and the source package.</summary>
internal sealed record RpmPackages(string Client, string Server, string Source)
{
    public IReadOnlyList<string> Binary => [Client, Server];
}
