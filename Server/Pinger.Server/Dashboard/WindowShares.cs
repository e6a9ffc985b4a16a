using Pinger.Protocol.Windows;

namespace Pinger.Server.Dashboard;

/// <summary>The shares of every field in the latest window with a published count (an ended window: open ones are never published).</summary>
/// <param name="Window">That window, or null when no window of the range has one.</param>
/// <param name="Reports">Its machines: the base of every percentage.</param>
/// <param name="Probes">Every probe with a field to show.</param>
public sealed record WindowShares(CountingWindow? Window, long Reports, IReadOnlyList<ProbeShares> Probes);
