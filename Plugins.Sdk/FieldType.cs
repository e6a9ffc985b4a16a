namespace Pinger.Plugins.Sdk;

/// <summary>The type of a value a probe emits.</summary>
public enum FieldType
{
    /// <summary>A short token, limited by an allow-list or a pattern.</summary>
    Text,

    /// <summary>A whole number, usually a bucketed count.</summary>
    Integer,

    /// <summary>Yes or no.</summary>
    Boolean,

    /// <summary>A list of short tokens, each limited like <see cref="Text"/>.</summary>
    TextList,
}
