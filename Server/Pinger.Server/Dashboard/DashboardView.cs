using Pinger.Server.Registry;

namespace Pinger.Server.Dashboard;

/// <summary>Everything one rendering of the page shows; built only from published (released) numbers.</summary>
/// <param name="Query">What the visitor asked for.</param>
/// <param name="Range">The windows of the reports chart.</param>
/// <param name="Epsilon">The per-window ε every figure is released under.</param>
/// <param name="Headline">Machines in the last closed day, week and month.</param>
/// <param name="Reports">Machines per window from reports.</param>
/// <param name="Countme">Machines per week from countme totals.</param>
/// <param name="Shares">Field shares in the latest window with a published count.</param>
/// <param name="Palette">The colour of every series on the page.</param>
/// <param name="OsId">The one distribution the range's published reports name, if there is exactly one.</param>
/// <param name="Registry">The fields the server accepts, for the "what is collected" panel.</param>
public sealed record DashboardView(
    DashboardQuery Query,
    WindowRange Range,
    decimal Epsilon,
    IReadOnlyList<HeadlineFigure> Headline,
    TimeSeries Reports,
    CountmeView Countme,
    WindowShares Shares,
    SeriesPalette Palette,
    string? OsId,
    FieldRegistry Registry)
{
    /// <summary>Whether there is nothing at all to show: the page then explains how machines get counted.</summary>
    public bool IsEmpty => Reports.IsEmpty && Countme.Series is null && Shares.Window is null && Headline.All(h => h.Machines is null);
}
