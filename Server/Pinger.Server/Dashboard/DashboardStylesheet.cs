using System.Security.Cryptography;

namespace Pinger.Server.Dashboard;

/// <summary>
/// The page's one stylesheet, embedded in the assembly so the server needs no files beside it. Its URL carries a
/// digest of its content, so browsers may keep it for a year and still fetch the new one after an upgrade.
/// </summary>
public sealed class DashboardStylesheet
{
    /// <summary>The route it is served from.</summary>
    public const string Path = "/dashboard.css";

    private DashboardStylesheet(byte[] content)
    {
        Content = content;
        var digest = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
        ETag = "\"" + digest + "\"";
        Href = Path + "?v=" + digest;
    }

    /// <summary>The CSS, UTF-8.</summary>
    public byte[] Content { get; }

    /// <summary>The entity tag: the digest, quoted.</summary>
    public string ETag { get; }

    /// <summary>The URL the page links: the path with the digest.</summary>
    public string Href { get; }

    /// <summary>Reads the embedded stylesheet.</summary>
    public static DashboardStylesheet Load()
    {
        using var stream = typeof(DashboardStylesheet).Assembly.GetManifestResourceStream("Pinger.Server.Dashboard.dashboard.css")
            ?? throw new InvalidOperationException("the dashboard stylesheet is not embedded in the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new DashboardStylesheet(copy.ToArray());
    }
}
