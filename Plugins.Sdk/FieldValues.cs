namespace Pinger.Plugins.Sdk;

/// <summary>The values one probe collected, by field name. Setting a name twice keeps the last value.</summary>
public sealed class FieldValues
{
    private readonly Dictionary<string, FieldValue> _values = new(StringComparer.Ordinal);

    /// <summary>The values collected so far.</summary>
    public IReadOnlyDictionary<string, FieldValue> Values => _values;

    /// <summary>Sets a text field.</summary>
    public FieldValues Set(string name, string value) => Put(name, FieldValue.FromText(value));

    /// <summary>Sets an integer field.</summary>
    public FieldValues Set(string name, long value) => Put(name, FieldValue.FromInteger(value));

    /// <summary>Sets a boolean field.</summary>
    public FieldValues Set(string name, bool value) => Put(name, FieldValue.FromBoolean(value));

    /// <summary>Sets a list field.</summary>
    public FieldValues Set(string name, IEnumerable<string> items) => Put(name, FieldValue.FromList(items));

    /// <summary>Sets a text field only when <paramref name="value"/> is not null.</summary>
    public FieldValues SetIfKnown(string name, string? value) => value is null ? this : Set(name, value);

    /// <summary>
    /// Sets the text field <paramref name="declaration"/> declares only when <paramref name="value"/> is not null and the
    /// declaration accepts it, so that a value outside the allow-list or pattern is left out rather than cut to fit.
    /// Returns whether the value was set.
    /// </summary>
    public bool SetIfAccepted(FieldDeclaration declaration, string? value)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        if (value is null || !declaration.Accepts(FieldValue.FromText(value), out _))
        {
            return false;
        }

        Set(declaration.Name, value);
        return true;
    }

    private FieldValues Put(string name, FieldValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        _values[name] = value;
        return this;
    }
}
