namespace Pinger.Plugins.Sdk;

/// <summary>
/// <see cref="IProbeSettings"/> from a probe's declarations and the values a config set. Asking for an
/// undeclared setting, or with the wrong type, is a programming error and throws.
/// </summary>
public sealed class ProbeSettings : IProbeSettings
{
    private readonly Dictionary<string, SettingDeclaration> _declarations;
    private readonly IReadOnlyDictionary<string, FieldValue> _configured;

    /// <summary>Settings for a probe that declared <paramref name="declarations"/>; <paramref name="configured"/> overrides defaults.</summary>
    public ProbeSettings(IEnumerable<SettingDeclaration> declarations, IReadOnlyDictionary<string, FieldValue>? configured = null)
    {
        _declarations = declarations.ToDictionary(d => d.Name, StringComparer.Ordinal);
        _configured = configured ?? new Dictionary<string, FieldValue>();
    }

    /// <inheritdoc />
    public bool GetBoolean(string name) => Get(name, FieldType.Boolean).Boolean;

    /// <inheritdoc />
    public long GetInteger(string name) => Get(name, FieldType.Integer).Integer;

    /// <inheritdoc />
    public string GetText(string name) => Get(name, FieldType.Text).Text!;

    private FieldValue Get(string name, FieldType type)
    {
        if (!_declarations.TryGetValue(name, out var declaration))
        {
            throw new KeyNotFoundException($"Setting '{name}' is not declared by this probe.");
        }

        if (declaration.Type != type)
        {
            throw new InvalidOperationException($"Setting '{name}' is declared as {declaration.Type}, not {type}.");
        }

        return _configured.TryGetValue(name, out var value) ? value : declaration.DefaultValue;
    }
}
