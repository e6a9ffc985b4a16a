namespace Pinger.Server.Publishing;

/// <summary>
/// os-release <c>NAME</c> for an os-release <c>ID</c> (what the os-versions probe reports as <c>id</c>): countme's
/// <c>os_name</c> is the NAME libdnf and rpm-ostree put in their User-Agent, so Pinger's systems exported in
/// countme's shape carry it too. Names are those the distributions' own os-release files carry; Fedora's changed
/// from "Fedora" to "Fedora Linux" with Fedora 35. An ID not listed is exported as it is.
/// </summary>
public static class OsReleaseNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["fedora"] = "Fedora Linux",
        ["rhel"] = "Red Hat Enterprise Linux",
        ["centos"] = "CentOS Stream",
        ["almalinux"] = "AlmaLinux",
        ["rocky"] = "Rocky Linux",
        ["ol"] = "Oracle Linux Server",
        ["amzn"] = "Amazon Linux",
        ["debian"] = "Debian GNU/Linux",
        ["ubuntu"] = "Ubuntu",
        ["opensuse-leap"] = "openSUSE Leap",
        ["opensuse-tumbleweed"] = "openSUSE Tumbleweed",
        ["sles"] = "SLES",
        ["arch"] = "Arch Linux",
        ["alpine"] = "Alpine Linux",
        ["flatcar"] = "Flatcar Container Linux by Kinvolk",
    };

    /// <summary>The NAME for <paramref name="id"/> at <paramref name="versionId"/>; the ID itself when unknown.</summary>
    public static string NameOf(string id, string versionId)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(versionId);
        if (id == "fedora" && int.TryParse(versionId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var fedora) && fedora < 35)
        {
            return "Fedora";
        }

        if (id == "centos" && versionId is "7" or "8")
        {
            return "CentOS Linux"; // CentOS Linux 8 and CentOS Stream 8 share the ID and VERSION_ID; Linux was the far commoner
        }

        return Names.GetValueOrDefault(id, id);
    }
}
