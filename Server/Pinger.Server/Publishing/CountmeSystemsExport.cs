using Pinger.Protocol.Windows;
using Pinger.Server.Countme;
using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>
/// The weekly systems of Pinger reports as rows of Fedora's countme totals, with countme's meaning: each row is
/// what rpm-ostree's countme request from the same machine would have added, so that a machine counted both
/// ways is recognisable as one system description and Fedora can merge the two sources.
/// <list type="bullet">
/// <item><c>os_name</c> is os-release NAME (<see cref="OsReleaseNames"/>), not the ID Pinger reports;</item>
/// <item><c>os_version</c> and <c>os_arch</c> are VERSION_ID and the architecture as reported;</item>
/// <item><c>os_variant</c> is VARIANT_ID, or <c>unknown</c> where the OS sets none, as rpm-ostree sends it;</item>
/// <item><c>sys_age</c> is the report's countme age bucket (libdnf's meaning, 1 to 4);</item>
/// <item><c>repo_tag</c> is always <see cref="RepoTag"/>: a report is one check-in per machine and week, not
/// a request per repository, and no Fedora repository has that name, so the rows can be told apart from or
/// added to the access-log rows; <c>repo_arch</c> is the machine's architecture, as <c>arch=$basearch</c>
/// would carry it.</item>
/// </list>
/// The platform Pinger also records is not a countme field: rows differing only by it are added up.
/// </summary>
public static class CountmeSystemsExport
{
    /// <summary>The repo_tag of every exported row.</summary>
    public const string RepoTag = "pinger";

    /// <summary>The variant rpm-ostree sends when os-release has no VARIANT_ID.</summary>
    public const string UnknownVariant = "unknown";

    /// <summary>The weekly rows of <paramref name="systems"/> (windows other than weeks are ignored), sorted.</summary>
    public static IReadOnlyList<CountmeTotal> Rows(IEnumerable<SystemCount> systems)
    {
        ArgumentNullException.ThrowIfNull(systems);
        var totals = new Dictionary<CountmeTotalsKey, long>();
        foreach (var row in systems.Where(s => s.Window.Kind == WindowKind.Week))
        {
            var system = row.System;
            var key = new CountmeTotalsKey(row.Window.Start, OsReleaseNames.NameOf(system.OsName, system.OsVersion), system.OsVersion,
                system.OsVariant.Length == 0 ? UnknownVariant : system.OsVariant, system.OsArch, system.SysAge, RepoTag, system.OsArch);
            totals[key] = totals.GetValueOrDefault(key) + row.Count;
        }

        return totals.Select(t => new CountmeTotal(t.Key, t.Value))
            .OrderBy(t => t.Key.WeekStart).ThenBy(t => t.Key.OsName, StringComparer.Ordinal).ThenBy(t => t.Key.OsVersion, StringComparer.Ordinal)
            .ThenBy(t => t.Key.OsVariant, StringComparer.Ordinal).ThenBy(t => t.Key.OsArch, StringComparer.Ordinal).ThenBy(t => t.Key.SysAge, StringComparer.Ordinal)
            .ToList();
    }
}
