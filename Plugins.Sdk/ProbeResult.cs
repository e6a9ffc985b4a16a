namespace Pinger.Plugins.Sdk;

/// <summary>What a probe returns: values, "not applicable here", or a failure.</summary>
public sealed class ProbeResult
{
    private ProbeResult(ProbeOutcome outcome, IReadOnlyDictionary<string, FieldValue> values, string? reason)
    {
        Outcome = outcome;
        Values = values;
        Reason = reason;
    }

    /// <summary>How the run ended.</summary>
    public ProbeOutcome Outcome { get; }

    /// <summary>The values collected; empty unless <see cref="Outcome"/> is <see cref="ProbeOutcome.Collected"/>.</summary>
    public IReadOnlyDictionary<string, FieldValue> Values { get; }

    /// <summary>Why nothing was collected; a fixed sentence, never machine data.</summary>
    public string? Reason { get; }

    /// <summary>The probe collected <paramref name="values"/>.</summary>
    public static ProbeResult Collected(FieldValues values) =>
        new(ProbeOutcome.Collected, new Dictionary<string, FieldValue>(values.Values, StringComparer.Ordinal), null);

    /// <summary>What the probe looks at does not exist here.</summary>
    public static ProbeResult NotApplicable(string reason) => new(ProbeOutcome.NotApplicable, EmptyValues, reason);

    /// <summary>What the probe looks at should exist but could not be read.</summary>
    public static ProbeResult Failed(string reason) => new(ProbeOutcome.Failed, EmptyValues, reason);

    private static readonly IReadOnlyDictionary<string, FieldValue> EmptyValues = new Dictionary<string, FieldValue>();
}
