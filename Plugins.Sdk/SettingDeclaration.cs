namespace Pinger.Plugins.Sdk;

/// <summary>
/// A setting a probe accepts under its <c>[probes.&lt;id&gt;]</c> config table. Settings that are not declared
/// are rejected by the config validator, so a typo never goes unnoticed.
/// </summary>
/// <param name="Name">Key name: lower case letters, digits, "_" and "-".</param>
/// <param name="Type">Only <see cref="FieldType.Text"/>, <see cref="FieldType.Integer"/> and <see cref="FieldType.Boolean"/> are allowed.</param>
/// <param name="DefaultValue">The value used when no config file sets the key.</param>
/// <param name="Description">What the setting changes, for the documentation.</param>
public sealed record SettingDeclaration(string Name, FieldType Type, FieldValue DefaultValue, string Description)
{
    /// <summary>For an integer setting: the smallest value accepted, or null for no bound.</summary>
    public long? Minimum { get; init; }

    /// <summary>For an integer setting: the largest value accepted, or null for no bound.</summary>
    public long? Maximum { get; init; }

    /// <summary>For a text setting that holds a URL: the schemes accepted (e.g. <c>http</c>); null when it is not a URL.</summary>
    public IReadOnlyList<string>? UrlSchemes { get; init; }

    /// <summary>For a text setting with a fixed set of values: those values; null for free text.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>A yes/no setting.</summary>
    public static SettingDeclaration Boolean(string name, bool defaultValue, string description) =>
        new(name, FieldType.Boolean, FieldValue.FromBoolean(defaultValue), description);

    /// <summary>A whole-number setting.</summary>
    public static SettingDeclaration Integer(string name, long defaultValue, string description) =>
        new(name, FieldType.Integer, FieldValue.FromInteger(defaultValue), description);

    /// <summary>A text setting.</summary>
    public static SettingDeclaration Text(string name, string defaultValue, string description) =>
        new(name, FieldType.Text, FieldValue.FromText(defaultValue), description);

    /// <summary>A whole-number setting accepted only from <paramref name="minimum"/> to <paramref name="maximum"/>: the config check rejects anything else.</summary>
    public static SettingDeclaration Integer(string name, long defaultValue, string description, long minimum, long maximum) =>
        Integer(name, defaultValue, description) with { Minimum = minimum, Maximum = maximum };

    /// <summary>A URL setting: an absolute URL without credentials, with one of <paramref name="schemes"/>.</summary>
    public static SettingDeclaration Url(string name, string defaultValue, string description, params string[] schemes) =>
        Text(name, defaultValue, description) with { UrlSchemes = schemes };

    /// <summary>A text setting that takes one of <paramref name="allowedValues"/>.</summary>
    public static SettingDeclaration OneOf(string name, string defaultValue, string description, params string[] allowedValues) =>
        Text(name, defaultValue, description) with { AllowedValues = allowedValues };
}
