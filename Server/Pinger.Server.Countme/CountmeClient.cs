namespace Pinger.Server.Countme;

/// <summary>The operating-system fields a libdnf or rpm-ostree User-Agent carries.</summary>
public sealed record CountmeClient(string OsName, string OsVersion, string OsVariant, string OsArch);
