using System.Globalization;

using Pinger.Core.Windows;

namespace Pinger.Server.Ingest;

/// <summary>One counting window, named by its kind and its first day.</summary>
/// <param name="Kind">Day, week or month.</param>
/// <param name="Start">Its first day (a Monday for weeks, the 1st for months).</param>
public sealed record Window(WindowKind Kind, DateOnly Start)
{
    /// <summary>The kind as reports and totals spell it.</summary>
    public string KindName => WindowCalendar.NameOf(Kind);

    /// <summary>The start as ISO 8601 text, the way it is stored.</summary>
    public string StartText => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
