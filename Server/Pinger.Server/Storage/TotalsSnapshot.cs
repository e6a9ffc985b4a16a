namespace Pinger.Server.Storage;

/// <summary>The counters matching a query, read in one transaction so they agree with each other.</summary>
public sealed record TotalsSnapshot(IReadOnlyList<WindowCount> Reports, IReadOnlyList<TotalsCell> Cells, IReadOnlyList<SystemCount> Systems);
