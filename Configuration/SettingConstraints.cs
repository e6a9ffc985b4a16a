using System.Globalization;
using Pinger.Plugins.Sdk;

namespace Pinger.Configuration;

/// <summary>
/// Checks a probe setting's value against what its declaration allows (range, URL schemes, fixed values), so a
/// value the probe could not use is an error at its file and line, never clamped or failed on at run time.
/// </summary>
public static class SettingConstraints
{
    /// <summary>The problem with <paramref name="entry"/>'s value, or null when <paramref name="setting"/> accepts it.</summary>
    public static (string Message, string Hint)? Check(SettingDeclaration setting, ConfigEntry entry) => entry.Value switch
    {
        long number => CheckRange(setting, number),
        string text when setting.UrlSchemes is { } schemes => CheckUrl(text, schemes),
        string text when setting.AllowedValues is { } allowed => CheckOneOf(text, allowed),
        _ => null,
    };

    private static (string, string)? CheckRange(SettingDeclaration setting, long number)
    {
        if ((setting.Minimum is { } min && number < min) || (setting.Maximum is { } max && number > max))
        {
            return ($"{Show(number)} is out of range", $"give a number from {Show(setting.Minimum)} to {Show(setting.Maximum)}");
        }

        return null;
    }

    private static (string, string)? CheckUrl(string text, IReadOnlyList<string> schemes)
    {
        var accepted = string.Join(" or ", schemes.Select(s => s + "://"));
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            return ("not a URL this setting accepts", $"write a full URL starting with {accepted}");
        }

        return uri.UserInfo.Length > 0 ? ("the URL must not contain credentials", "keep only scheme, host, port and path") : null;
    }

    private static (string, string)? CheckOneOf(string text, IReadOnlyList<string> allowed)
    {
        if (allowed.Contains(text, StringComparer.Ordinal))
        {
            return null;
        }

        var suggestion = NearestName.Find(text, allowed);
        var all = string.Join(", ", allowed.Select(a => $"\"{a}\""));
        return ($"unknown value \"{CredentialRedactor.Redact(text)}\"", suggestion is null ? $"use one of {all}" : $"did you mean \"{suggestion}\"? Values: {all}");
    }

    private static string Show(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "any";
}
