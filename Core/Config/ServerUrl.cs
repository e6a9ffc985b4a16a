using System.Net;
using Pinger.Configuration;

namespace Pinger.Core.Config;

/// <summary>
/// The rules a report server URL must follow: https, no credentials, query or fragment; plain http is
/// accepted only for loopback addresses so that tests and local demos need no certificate.
/// </summary>
public static class ServerUrl
{
    /// <summary>Parses a URL that passed <see cref="Check"/>.</summary>
    public static Uri Parse(string text) => new(text, UriKind.Absolute);

    /// <summary>Validation for the <c>reporting.server</c> key.</summary>
    public static (string Message, string Hint)? Check(ConfigEntry entry)
    {
        var text = (string)entry.Value;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return ("not a valid URL", "write a full URL such as \"https://metrics.example.org/\"");
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return ("the URL must not contain credentials, a query or a fragment", "keep only scheme, host, port and path");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            return ("plain http is only allowed to a loopback address", "use https:// so reports cannot be read or changed in transit");
        }

        return null;
    }

    /// <summary>Validation for the <c>reporting.proxy</c> key: an http or https URL of a proxy.</summary>
    public static (string Message, string Hint)? CheckProxy(ConfigEntry entry)
    {
        var text = (string)entry.Value;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return ("not a valid proxy URL", "write it like \"http://proxy.example.org:3128\"");
        }

        return null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
