using Pinger.Protocol.Windows;

namespace Pinger.Server.Storage;

/// <summary>Which counters to read; null members do not filter.</summary>
/// <param name="Kind">Only windows of this kind.</param>
/// <param name="From">Only windows starting on or after this day.</param>
/// <param name="To">Only windows starting on or before this day.</param>
/// <param name="Field">Only this field ("probe.field").</param>
public sealed record TotalsQuery(WindowKind? Kind, DateOnly? From, DateOnly? To, string? Field);
