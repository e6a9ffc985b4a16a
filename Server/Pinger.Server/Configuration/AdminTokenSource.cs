using Pinger.Configuration;

namespace Pinger.Server.Configuration;

/// <summary>
/// Finds the admin token's file (<c>admin.token_file</c>, or <c>admin.token_credential</c> in systemd's
/// <c>$CREDENTIALS_DIRECTORY</c>) and opens it as the service will, so a token the service cannot use is a
/// configuration error naming the key, reported by <c>check-config</c> and before the start, never a crash loop.
/// </summary>
public static class AdminTokenSource
{
    /// <summary>The shortest token accepted.</summary>
    public const int MinLength = 16;

    /// <summary>The environment variable systemd sets to the unit's credentials.</summary>
    public const string CredentialsVariable = "CREDENTIALS_DIRECTORY";

    private const string UnitHint =
        "the shipped unit runs as a dynamic user: put the token in /etc/credstore/admin-token (mode 0600), which its LoadCredential=admin-token passes, and set admin.token_credential = \"admin-token\"";

    /// <summary>
    /// The settings with <see cref="ServerSettings.AdminTokenFile"/> resolved, and what is wrong. Outside the unit
    /// (no <paramref name="credentialsDirectory"/>) a credential cannot be checked: an error when
    /// <paramref name="credentialsRequired"/>, a warning otherwise.
    /// </summary>
    public static (ServerSettings Settings, IReadOnlyList<ConfigDiagnostic> Diagnostics) Resolve(
        ServerSettings settings, string? credentialsDirectory, bool credentialsRequired)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string key;
        string file;
        if (settings.AdminTokenCredential is { } credential)
        {
            key = "admin.token_credential";
            if (string.IsNullOrEmpty(credentialsDirectory))
            {
                var diagnostic = new ConfigDiagnostic(
                    credentialsRequired ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, null, key,
                    credentialsRequired
                        ? $"${CredentialsVariable} is not set: systemd passed no credential, so '{credential}' cannot be read"
                        : $"${CredentialsVariable} is not set (not run by the unit), so credential '{credential}' is not checked",
                    $"the unit passes it with LoadCredential={credential} from /etc/credstore/{credential}: create that file (mode 0600)");
                return (settings, [diagnostic]);
            }

            file = Path.Combine(credentialsDirectory, credential);
        }
        else if (settings.AdminTokenFile is { } tokenFile)
        {
            key = "admin.token_file";
            file = tokenFile;
        }
        else
        {
            return (settings, []);
        }

        return Check(file) is { } problem
            ? (settings, [new ConfigDiagnostic(DiagnosticSeverity.Error, null, key, $"{file}: {problem.Message}", problem.Hint)])
            : (settings with { AdminTokenFile = file }, []);
    }

    private static (string Message, string? Hint)? Check(string file)
    {
        if (!File.Exists(file))
        {
            return ("no such file", "create it with mode 0600 and a random token of 16 or more characters, e.g. openssl rand -base64 32");
        }

        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(file) is var mode && (mode & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
        {
            return ($"every user may read it (mode {Octal(mode)})", "chmod 0600 it; " + UnitHint);
        }

        string token;
        try
        {
            token = File.ReadAllText(file).Trim();
        }
        catch (UnauthorizedAccessException)
        {
            return ($"cannot be read by the user the server runs as ({Environment.UserName})", UnitHint);
        }
        catch (IOException e)
        {
            return ("cannot be read: " + e.Message, null);
        }

        return token.Length < MinLength ? ($"the token is shorter than {MinLength} characters", "e.g. openssl rand -base64 32") : null;
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0x1FF, 8);
}
