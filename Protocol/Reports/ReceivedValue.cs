using Pinger.Plugins.Sdk;

namespace Pinger.Protocol.Reports;

/// <summary>One field value of a received report, already checked against the field's declaration.</summary>
/// <param name="ProbeId">The probe that reported it.</param>
/// <param name="Field">The field's name within the probe.</param>
/// <param name="Value">The value.</param>
public sealed record ReceivedValue(string ProbeId, string Field, FieldValue Value)
{
    /// <summary>The field as totals name it: "probe.field".</summary>
    public string QualifiedName => ProbeId + "." + Field;
}
