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
    /// <summary>A yes/no setting.</summary>
    public static SettingDeclaration Boolean(string name, bool defaultValue, string description) =>
        new(name, FieldType.Boolean, FieldValue.FromBoolean(defaultValue), description);

    /// <summary>A whole-number setting.</summary>
    public static SettingDeclaration Integer(string name, long defaultValue, string description) =>
        new(name, FieldType.Integer, FieldValue.FromInteger(defaultValue), description);

    /// <summary>A text setting.</summary>
    public static SettingDeclaration Text(string name, string defaultValue, string description) =>
        new(name, FieldType.Text, FieldValue.FromText(defaultValue), description);
}
