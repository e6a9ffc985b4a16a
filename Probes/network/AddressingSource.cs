namespace Pinger.Probes.Network;

/// <summary>Where the addressing method counts come from, reported so that inferred counts are told apart.</summary>
internal static class AddressingSource
{
    /// <summary>Counted from NetworkManager keyfile profiles.</summary>
    public const string Keyfiles = "keyfiles";

    /// <summary>
    /// NetworkManager runs without any profile with addresses: it gives every ethernet interface an automatic
    /// profile (DHCP, and router advertisements for IPv6), which is what Fedora CoreOS relies on by default.
    /// The counts are those ethernet interfaces, inferred, not read.
    /// </summary>
    public const string Defaults = "defaults";

    /// <summary>Neither profiles nor NetworkManager: the kernel alone does not say how addresses were obtained, so no counts.</summary>
    public const string Unknown = "unknown";

    public static IReadOnlyList<string> All { get; } = [Keyfiles, Defaults, Unknown];
}
