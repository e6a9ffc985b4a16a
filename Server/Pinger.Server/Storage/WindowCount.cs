using Pinger.Protocol.Windows;

namespace Pinger.Server.Storage;

/// <summary>How many distinct reports were counted in one window.</summary>
public sealed record WindowCount(CountingWindow Window, long Reports);
