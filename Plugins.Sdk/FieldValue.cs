namespace Pinger.Plugins.Sdk;

/// <summary>One value emitted by a probe: exactly one of the typed properties is set, as <see cref="Type"/> says.</summary>
public sealed record FieldValue
{
    private FieldValue(FieldType type, string? text, long integer, bool boolean, IReadOnlyList<string>? items)
    {
        Type = type;
        Text = text;
        Integer = integer;
        Boolean = boolean;
        Items = items;
    }

    /// <summary>The value's type.</summary>
    public FieldType Type { get; }

    /// <summary>The token, for <see cref="FieldType.Text"/>.</summary>
    public string? Text { get; }

    /// <summary>The number, for <see cref="FieldType.Integer"/>.</summary>
    public long Integer { get; }

    /// <summary>The answer, for <see cref="FieldType.Boolean"/>.</summary>
    public bool Boolean { get; }

    /// <summary>The tokens, sorted and without duplicates, for <see cref="FieldType.TextList"/>.</summary>
    public IReadOnlyList<string>? Items { get; }

    /// <summary>A text value.</summary>
    public static FieldValue FromText(string text) => new(FieldType.Text, text ?? throw new ArgumentNullException(nameof(text)), 0, false, null);

    /// <summary>An integer value.</summary>
    public static FieldValue FromInteger(long value) => new(FieldType.Integer, null, value, false, null);

    /// <summary>A boolean value.</summary>
    public static FieldValue FromBoolean(bool value) => new(FieldType.Boolean, null, 0, value, null);

    /// <summary>A list value; order and duplicates are not kept, so a report never depends on enumeration order.</summary>
    public static FieldValue FromList(IEnumerable<string> items) =>
        new(FieldType.TextList, null, 0, false, items.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());

    /// <summary>Value equality, lists compared item by item.</summary>
    public bool Equals(FieldValue? other) =>
        other is not null && Type == other.Type && Text == other.Text && Integer == other.Integer && Boolean == other.Boolean
        && (Items ?? []).SequenceEqual(other.Items ?? []);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Type, Text, Integer, Boolean, Items?.Count);

    /// <inheritdoc />
    public override string ToString() => Type switch
    {
        FieldType.Text => Text!,
        FieldType.Integer => Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FieldType.Boolean => Boolean ? "true" : "false",
        _ => "[" + string.Join(", ", Items!) + "]",
    };
}
