using System.Text.RegularExpressions;

namespace Pinger.Plugins.Sdk;

/// <summary>
/// One value a probe may emit. A probe that emits a value that is not declared, that needs a higher level
/// than the configured one, or that falls outside the declared set or pattern is left out of the report
/// entirely; the server validates reports against the same declarations. Text is never free-form: every text field
/// names its allowed values or a pattern with a length limit.
/// </summary>
public sealed class FieldDeclaration
{
    private readonly Regex? _pattern;

    private FieldDeclaration(
        string name,
        FieldType type,
        MetricsLevel level,
        string description,
        string coarsening,
        IReadOnlyList<string>? allowedValues,
        string? pattern,
        int maxLength,
        int maxItems)
    {
        if (!ProbeDescriptor.IsValidName(name))
        {
            throw new ArgumentException($"Field name '{name}' must match {ProbeDescriptor.NamePattern}.", nameof(name));
        }

        if (level == MetricsLevel.Off)
        {
            throw new ArgumentException($"Field '{name}' cannot be declared at level Off.", nameof(level));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(coarsening);
        Name = name;
        Type = type;
        Level = level;
        Description = description;
        Coarsening = coarsening;
        AllowedValues = allowedValues;
        Pattern = pattern;
        MaxLength = maxLength;
        MaxItems = maxItems;
        if (pattern is not null)
        {
            _pattern = new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Field name, unique within its probe: lower case letters, digits, "_" and "-".</summary>
    public string Name { get; }

    /// <summary>The value's type.</summary>
    public FieldType Type { get; }

    /// <summary>The lowest level at which this field is reported.</summary>
    public MetricsLevel Level { get; }

    /// <summary>What the value means and why it is useful, for the generated documentation.</summary>
    public string Description { get; }

    /// <summary>How the value is coarsened so that it cannot identify a machine.</summary>
    public string Coarsening { get; }

    /// <summary>For text fields: the complete set of values, or null when <see cref="Pattern"/> applies.</summary>
    public IReadOnlyList<string>? AllowedValues { get; }

    /// <summary>For text fields without an allow-list: the regular expression a whole value must match.</summary>
    public string? Pattern { get; }

    /// <summary>For text fields: the longest value accepted, in characters.</summary>
    public int MaxLength { get; }

    /// <summary>For list fields: the most items accepted.</summary>
    public int MaxItems { get; }

    /// <summary>A text field whose value is one of <paramref name="allowedValues"/>.</summary>
    public static FieldDeclaration OneOf(
        string name, MetricsLevel level, string description, IEnumerable<string> allowedValues, string coarsening)
    {
        var values = allowedValues.ToArray();
        if (values.Length == 0)
        {
            throw new ArgumentException($"Field '{name}' needs at least one allowed value.", nameof(allowedValues));
        }

        return new FieldDeclaration(name, FieldType.Text, level, description, coarsening, values, null, values.Max(v => v.Length), 1);
    }

    /// <summary>A text field whose whole value matches <paramref name="pattern"/> and is at most <paramref name="maxLength"/> long.</summary>
    public static FieldDeclaration Matching(
        string name, MetricsLevel level, string description, string pattern, int maxLength, string coarsening)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, 128);
        return new FieldDeclaration(name, FieldType.Text, level, description, coarsening, null, pattern, maxLength, 1);
    }

    /// <summary>A whole number, already coarsened by the probe (see <see cref="Coarsen"/>).</summary>
    public static FieldDeclaration Integer(string name, MetricsLevel level, string description, string coarsening) =>
        new(name, FieldType.Integer, level, description, coarsening, null, null, 0, 1);

    /// <summary>A yes/no value.</summary>
    public static FieldDeclaration Boolean(string name, MetricsLevel level, string description) =>
        new(name, FieldType.Boolean, level, description, "none needed: a yes/no answer", null, null, 0, 1);

    /// <summary>A list of tokens, each one of <paramref name="allowedValues"/>.</summary>
    public static FieldDeclaration ListOneOf(
        string name, MetricsLevel level, string description, IEnumerable<string> allowedValues, int maxItems, string coarsening)
    {
        var values = allowedValues.ToArray();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        return new FieldDeclaration(name, FieldType.TextList, level, description, coarsening, values, null, values.Max(v => v.Length), maxItems);
    }

    /// <summary>A list of tokens, each matching <paramref name="pattern"/>.</summary>
    public static FieldDeclaration ListMatching(
        string name, MetricsLevel level, string description, string pattern, int maxLength, int maxItems, string coarsening)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, 128);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        return new FieldDeclaration(name, FieldType.TextList, level, description, coarsening, null, pattern, maxLength, maxItems);
    }

    /// <summary>
    /// Whether <paramref name="value"/> is acceptable for this field; when not, <paramref name="problem"/> says why.
    /// </summary>
    public bool Accepts(FieldValue value, out string? problem)
    {
        if (value.Type != Type)
        {
            problem = $"expected {Type}, got {value.Type}";
            return false;
        }

        problem = Type switch
        {
            FieldType.Text => CheckToken(value.Text!),
            FieldType.TextList => CheckList(value.Items!),
            _ => null,
        };
        return problem is null;
    }

    private string? CheckList(IReadOnlyList<string> items)
    {
        if (items.Count > MaxItems)
        {
            return $"{items.Count} items, at most {MaxItems} allowed";
        }

        return items.Select(CheckToken).FirstOrDefault(p => p is not null);
    }

    private string? CheckToken(string token)
    {
        if (AllowedValues is not null)
        {
            return AllowedValues.Contains(token, StringComparer.Ordinal) ? null : "value is not in the declared set";
        }

        if (token.Length == 0 || token.Length > MaxLength)
        {
            return $"length {token.Length} is outside 1..{MaxLength}";
        }

        try
        {
            return _pattern!.IsMatch(token) ? null : "value does not match the declared pattern";
        }
        catch (RegexMatchTimeoutException)
        {
            return "value took too long to check against the declared pattern";
        }
    }
}
