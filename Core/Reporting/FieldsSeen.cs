using Pinger.Plugins.Sdk;

namespace Pinger.Core.Reporting;

/// <summary>
/// The report fields this machine has seen at its level, each with the time from which it may be sent: the moment
/// it was first seen plus the waiting period for a field that appeared later, or the moment it was first seen for
/// one that was there when the level was chosen.
/// </summary>
/// <param name="Level">The level these fields were seen at; a different level makes a fresh start.</param>
/// <param name="SendableFrom">By field key (<c>probe.field</c>), when the field may first be sent.</param>
public sealed record FieldsSeen(MetricsLevel Level, IReadOnlyDictionary<string, DateTimeOffset> SendableFrom);
