using Pinger.Protocol.Windows;

namespace Pinger.Server.Storage;

/// <summary>How many reports in one window carried one value of one field.</summary>
public sealed record TotalsCell(CountingWindow Window, string Field, string Value, long Count);
