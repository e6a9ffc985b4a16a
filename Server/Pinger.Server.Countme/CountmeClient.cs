namespace Pinger.Server.Countme;

/// <summary>The operating-system fields a libdnf or rpm-ostree User-Agent carries.</summary>
public sealed record CountmeClient(string OsName, string OsVersion, string OsVariant, string OsArch)
{
    /// <summary>Any other User-Agent: counted, with empty OS fields, as mirrors-countme counts it.</summary>
    public static CountmeClient Unknown { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty);
}
