using System.Text.RegularExpressions;

namespace Pinger.Probes.LayeredPackages;

/// <summary>
/// Reduces what a user asked rpm-ostree for to a bare package name: "htop", "htop.x86_64" and
/// "htop-3.3.0-2.fc41.x86_64" all give "htop". Anything that does not then look like a package name (a file path,
/// a "pkgconfig(...)" capability) gives null and is not reported.
/// </summary>
internal static partial class PackageName
{
    /// <summary>What a package name must look like to be read as one.</summary>
    public const string Pattern = @"\A[A-Za-z0-9][A-Za-z0-9._+-]{0,63}\z";

    private static readonly string[] Architectures =
        ["x86_64", "aarch64", "ppc64le", "s390x", "noarch", "i686", "armv7hl", "riscv64", "src"];

    public static string? FromSpec(string spec)
    {
        var name = spec.Trim();
        var dot = name.LastIndexOf('.');
        if (dot > 0 && Architectures.Contains(name[(dot + 1)..], StringComparer.Ordinal))
        {
            name = name[..dot];
        }

        // Strip "-[epoch:]version-release" only when both parts start with a digit, so "python3-3par" stays whole.
        if (VersionRelease().Match(name) is { Success: true } match)
        {
            name = match.Groups["name"].Value;
        }

        return ValidName().IsMatch(name) ? name : null;
    }

    [GeneratedRegex(@"^(?<name>.+?)-(?:[0-9]+:)?[0-9][^-]*-[0-9][^-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionRelease();

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
