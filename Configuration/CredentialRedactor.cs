using System.Text.RegularExpressions;

namespace Pinger.Configuration;

/// <summary>
/// Hides the user and password of every URL in a text (<c>http://user:secret@proxy:3128</c> becomes
/// <c>http://***@proxy:3128</c>), with or without a scheme, so that no secret reaches a terminal, a log, the
/// history or an error message. Applied to all text that leaves the process, not only to known keys, because a
/// library's exception may quote the URL it was given.
/// </summary>
public static partial class CredentialRedactor
{
    /// <summary>What stands for the hidden credentials.</summary>
    public const string Mask = "***";

    /// <summary><paramref name="text"/> with the credentials of every URL in it hidden.</summary>
    public static string Redact(string text) =>
        text.Contains('@', StringComparison.Ordinal) ? WithoutScheme().Replace(WithScheme().Replace(text, Mask + "@"), Mask + "@") : text;

    // The user information after "scheme://", up to the "@" that ends it.
    [GeneratedRegex(@"(?<=://)[^/@\s'""<>]+@", RegexOptions.CultureInvariant)]
    private static partial Regex WithScheme();

    // "user:password@host" without a scheme, as proxy variables are often written.
    [GeneratedRegex(@"(?<=^|[\s'""(=,<])(?!\*\*\*@)[^\s/@'""(),<>:=]+:[^\s/@'""<>]+@", RegexOptions.CultureInvariant)]
    private static partial Regex WithoutScheme();
}
