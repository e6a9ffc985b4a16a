using Pinger.Plugins.Sdk;

namespace Pinger.Server.Dashboard;

/// <summary>One field's published values in one window, largest first.</summary>
/// <param name="Field">The field as "probe.field".</param>
/// <param name="Declaration">Its declaration from the field registry.</param>
/// <param name="Values">The values shown, each with its count.</param>
/// <param name="FoldedValues">How many smaller published values are folded into one line.</param>
/// <param name="FoldedCount">Their counts added up.</param>
/// <param name="Unattributed">
/// For a field with one value per machine: the machines of the window not in any published value (their value was
/// withheld as their noisy count fell under the threshold, or they did not report the field). Null for lists, where a machine counts once per item.
/// </param>
public sealed record FieldShares(
    string Field, FieldDeclaration Declaration, IReadOnlyList<KeyValuePair<string, long>> Values, int FoldedValues, long FoldedCount, long? Unattributed)
{
    /// <summary>Whether nothing of this field was published in the window.</summary>
    public bool IsEmpty => Values.Count == 0;
}
