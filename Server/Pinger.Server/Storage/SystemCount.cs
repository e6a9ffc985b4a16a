using Pinger.Protocol.Windows;

namespace Pinger.Server.Storage;

/// <summary>How many reports in one window described one countme tuple.</summary>
public sealed record SystemCount(CountingWindow Window, SystemTuple System, long Count);
