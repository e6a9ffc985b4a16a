using Pinger.Protocol.Windows;

namespace Pinger.Server.Dashboard;

/// <summary>What a visitor asked the dashboard for; null dates mean "the default range".</summary>
/// <param name="Kind">The window kind (<c>window</c>, as in /v1/totals).</param>
/// <param name="Breakdown">What the over-time charts stack by (<c>breakdown</c>).</param>
/// <param name="From">The first window wanted (<c>from</c>, as in /v1/totals).</param>
/// <param name="To">The last window wanted (<c>to</c>, as in /v1/totals).</param>
public sealed record DashboardQuery(WindowKind Kind, Breakdown Breakdown, DateOnly? From, DateOnly? To);
