using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Network.Tests;

internal static class FieldValuesExtensions
{
    /// <summary>Sets several integer fields at once.</summary>
    public static FieldValues Set(this FieldValues values, IEnumerable<(string Name, long Count)> counts)
    {
        foreach (var (name, count) in counts)
        {
            values.Set(name, count);
        }

        return values;
    }
}
