using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Network;

/// <summary>
/// The VLAN interfaces the 8021q module lists in <c>/proc/net/vlan/config</c>: two header lines, then
/// <c>name | vid | parent</c> per interface. Only root can read it; <c>uevent</c> covers the other cases.
/// </summary>
internal static class VlanConfig
{
    public static IReadOnlySet<string> ReadNames(IMachineFiles files)
    {
        var text = files.ReadText("/proc/net/vlan/config");
        if (text is null)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        return text.Split('\n')
            .Skip(2)
            .Select(line => line.Split('|'))
            .Where(columns => columns.Length == 3)
            .Select(columns => columns[0].Trim())
            .Where(name => name.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
    }
}
