using Pinger.Protocol.Windows;

namespace Pinger.Server.Dashboard;

/// <summary>Machines counted in the last closed window of one kind, beside the window before it.</summary>
/// <param name="Window">The last closed window.</param>
/// <param name="Machines">Its released report count, or null when nothing was published for it.</param>
/// <param name="Previous">The window before it.</param>
/// <param name="PreviousMachines">That window's released report count, or null.</param>
public sealed record HeadlineFigure(CountingWindow Window, long? Machines, CountingWindow Previous, long? PreviousMachines)
{
    /// <summary>The change against the window before, as a fraction (0.05 is 5 % more), when both were published.</summary>
    public double? Change => Machines is { } now && PreviousMachines is { } before and > 0 ? (now - before) / (double)before : null;
}
