using Pinger.Server.Ingest;

namespace Pinger.Server.Storage;

/// <summary>How many distinct reports were counted in one window.</summary>
public sealed record WindowCount(Window Window, long Reports);
