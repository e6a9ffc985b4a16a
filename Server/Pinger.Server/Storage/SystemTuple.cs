namespace Pinger.Server.Storage;

/// <summary>
/// The countme-style description of one machine in one window: what Fedora counts per week, plus the platform.
/// Empty strings stand for facts the report did not carry.
/// </summary>
public sealed record SystemTuple(string OsName, string OsVersion, string OsVariant, string OsArch, string SysAge, string Platform);
