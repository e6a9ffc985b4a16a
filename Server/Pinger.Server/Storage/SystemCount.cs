using Pinger.Server.Ingest;

namespace Pinger.Server.Storage;

/// <summary>How many reports in one window described one countme tuple.</summary>
public sealed record SystemCount(Window Window, SystemTuple System, long Count);
