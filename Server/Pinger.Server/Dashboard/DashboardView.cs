using Pinger.Server.Registry;

namespace Pinger.Server.Dashboard;

/// <summary>Everything one rendering of the page shows; built only from published (released) numbers.</summary>
/// <param name="Query">What the visitor asked for.</param>
/// <param name="Range">The windows of the reports chart.</param>
/// <param name="Epsilon">The per-window ε every figure is released under.</param>
/// <param name="Reports">Machines per window from reports.</param>
/// <param name="Countme">Machines per week from countme totals.</param>
/// <param name="Shares">Field shares in the latest window with a published count.</param>
/// <param name="Registry">The fields the server accepts, for the "what is collected" panel.</param>
public sealed record DashboardView(
    DashboardQuery Query, WindowRange Range, decimal Epsilon, TimeSeries Reports, CountmeView Countme, WindowShares Shares, FieldRegistry Registry)
{
    /// <summary>Whether there is nothing at all to show: the page then explains how machines get counted.</summary>
    public bool IsEmpty => Reports.IsEmpty && Countme.Series is null && Shares.Window is null;
}
