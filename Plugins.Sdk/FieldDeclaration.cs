using System.ComponentModel;
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
        FieldBounds bounds)
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
        if (bounds.MaxDistinctPerWindow is < 1 or > MaxDistinctLimit)
        {
            throw new ArgumentException(
                $"Field '{name}' must keep 1 to {MaxDistinctLimit} distinct values per window, not {bounds.MaxDistinctPerWindow}.", nameof(bounds));
        }

        Name = name;
        Type = type;
        Level = level;
        Description = description;
        Coarsening = coarsening;
        Values = bounds.Values;
        AllowedValues = bounds.AllowedValues;
        Pattern = bounds.Pattern;
        MaxLength = bounds.MaxLength;
        MaxItems = bounds.MaxItems;
        MaxDistinctPerWindow = bounds.MaxDistinctPerWindow;
        if (bounds.Pattern is { } pattern)
        {
            if (!pattern.StartsWith(@"\A", StringComparison.Ordinal) || !pattern.EndsWith(@"\z", StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Field '{name}': the pattern must be anchored at both ends with \\A and \\z (\"^\" and \"$\" let a trailing newline through).", nameof(bounds));
            }

            // Wrapped once more so that an alternation inside cannot escape the anchors.
            _pattern = new Regex($@"\A(?:{pattern})\z", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
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

    /// <summary>The most distinct values any field may keep per counting window.</summary>
    public const int MaxDistinctLimit = IntegerValues.MaxCount;

    /// <summary>For integer fields: the exact set of values accepted.</summary>
    public IntegerValues? Values { get; }

    /// <summary>
    /// The most distinct values the server keeps for this field in one counting window: the size of the declared set
    /// for integers, yes/no and allow-lists, the declared cap for patterns. Values beyond it are not stored.
    /// </summary>
    public int MaxDistinctPerWindow { get; }

    /// <summary>For text fields: the complete set of values, or null when <see cref="Pattern"/> applies.</summary>
    public IReadOnlyList<string>? AllowedValues { get; }

    /// <summary>For text fields without an allow-list: the regular expression a whole value must match, anchored with \A and \z.</summary>
    public string? Pattern { get; }

    /// <summary>For text fields: the longest value accepted, in characters.</summary>
    public int MaxLength { get; }

    /// <summary>For list fields: the most items accepted.</summary>
    public int MaxItems { get; }

    /// <summary>A text field whose value is one of <paramref name="allowedValues"/>.</summary>
    public static FieldDeclaration OneOf(
        string name, MetricsLevel level, string description, IEnumerable<string> allowedValues, string coarsening)
    {
        var values = AllowList(name, allowedValues);
        return new FieldDeclaration(name, FieldType.Text, level, description, coarsening,
            new FieldBounds(null, values, null, values.Max(v => v.Length), 1, values.Length));
    }

    /// <summary>
    /// A text field whose whole value matches <paramref name="pattern"/> (anchored: it starts with \A and ends with \z),
    /// is at most <paramref name="maxLength"/> long, and of which the server keeps at most
    /// <paramref name="maxDistinctPerWindow"/> distinct values per counting window.
    /// </summary>
    public static FieldDeclaration Matching(
        string name, MetricsLevel level, string description, string pattern, int maxLength, int maxDistinctPerWindow, string coarsening)
    {
        CheckMaxLength(maxLength);
        return new FieldDeclaration(name, FieldType.Text, level, description, coarsening,
            new FieldBounds(null, null, pattern, maxLength, 1, maxDistinctPerWindow));
    }

    /// <summary>Refused: a pattern field must also cap its distinct values per window. Kept so that plugins built against SDK 1 fail with a clear message.</summary>
    [Obsolete("Declare the distinct values kept per window and anchor the pattern with \\A and \\z: use the overload with maxDistinctPerWindow.", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static FieldDeclaration Matching(
        string name, MetricsLevel level, string description, string pattern, int maxLength, string coarsening) =>
        throw Unbounded(name, "a pattern field needs a cap on its distinct values per window (SDK 2)");

    /// <summary>A whole number, already coarsened by the probe (see <see cref="Coarsen"/>), that is one of <paramref name="values"/>.</summary>
    public static FieldDeclaration Integer(string name, MetricsLevel level, string description, IntegerValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new FieldDeclaration(name, FieldType.Integer, level, description, values.Description,
            new FieldBounds(values, null, null, 0, 1, values.Count));
    }

    /// <summary>Refused: an integer field must declare its exact value set. Kept so that plugins built against SDK 1 fail with a clear message.</summary>
    [Obsolete("Declare the exact value set: use the overload taking IntegerValues.", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static FieldDeclaration Integer(string name, MetricsLevel level, string description, string coarsening) =>
        throw Unbounded(name, "an integer field needs its exact value set (SDK 2)");

    /// <summary>A yes/no value.</summary>
    public static FieldDeclaration Boolean(string name, MetricsLevel level, string description) =>
        new(name, FieldType.Boolean, level, description, "none needed: a yes/no answer", new FieldBounds(null, null, null, 0, 1, 2));

    /// <summary>A list of at most <paramref name="maxItems"/> tokens, each one of <paramref name="allowedValues"/>.</summary>
    public static FieldDeclaration ListOneOf(
        string name, MetricsLevel level, string description, IEnumerable<string> allowedValues, int maxItems, string coarsening)
    {
        var values = AllowList(name, allowedValues);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        return new FieldDeclaration(name, FieldType.TextList, level, description, coarsening,
            new FieldBounds(null, values, null, values.Max(v => v.Length), maxItems, values.Length));
    }

    /// <summary>
    /// A list of at most <paramref name="maxItems"/> tokens, each matching <paramref name="pattern"/> (anchored with
    /// \A and \z) and at most <paramref name="maxLength"/> long; the server keeps at most
    /// <paramref name="maxDistinctPerWindow"/> distinct items per counting window.
    /// </summary>
    public static FieldDeclaration ListMatching(
        string name, MetricsLevel level, string description, string pattern, int maxLength, int maxItems, int maxDistinctPerWindow, string coarsening)
    {
        CheckMaxLength(maxLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        return new FieldDeclaration(name, FieldType.TextList, level, description, coarsening,
            new FieldBounds(null, null, pattern, maxLength, maxItems, maxDistinctPerWindow));
    }

    /// <summary>Refused: a pattern list must also cap its distinct items per window. Kept so that plugins built against SDK 1 fail with a clear message.</summary>
    [Obsolete("Declare the distinct items kept per window and anchor the pattern with \\A and \\z: use the overload with maxDistinctPerWindow.", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static FieldDeclaration ListMatching(
        string name, MetricsLevel level, string description, string pattern, int maxLength, int maxItems, string coarsening) =>
        throw Unbounded(name, "a pattern list needs a cap on its distinct items per window (SDK 2)");

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
            FieldType.Integer => Values!.Contains(value.Integer) ? null : "value is not in the declared set: " + Values.Description,
            FieldType.Text => CheckToken(value.Text!),
            FieldType.TextList => CheckList(value.Items!),
            _ => null,
        };
        return problem is null;
    }

    private static string[] AllowList(string name, IEnumerable<string> allowedValues)
    {
        var values = allowedValues.ToArray();
        if (values.Length == 0)
        {
            throw new ArgumentException($"Field '{name}' needs at least one allowed value.", nameof(allowedValues));
        }

        return values;
    }

    private static void CheckMaxLength(int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, 128);
    }

    private static NotSupportedException Unbounded(string name, string what) =>
        new($"Field '{name}': {what}; this plugin was built against an older Pinger.Plugins.Sdk, rebuild it against the current one.");

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
