namespace Pinger.Server.Countme;

/// <summary>
/// One bucket of mirrors-countme's weekly totals: the week (by its Monday) and the seven fields a
/// countme hit is counted by. Missing values are empty strings, never null, so keys compare simply.
/// </summary>
public sealed record CountmeTotalsKey(
    DateOnly WeekStart,
    string OsName,
    string OsVersion,
    string OsVariant,
    string OsArch,
    string SysAge,
    string RepoTag,
    string RepoArch);
