using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Network;

/// <summary>
/// How the machine is networked, in counts only: interfaces per kind and connection profiles per addressing
/// method. Interface names, addresses, MACs, SSIDs, connection names and DNS servers are never reported.
/// </summary>
public sealed class NetworkProbe : IProbe
{
    /// <inheritdoc />
    public ProbeDescriptor Descriptor { get; } = new(
        "network",
        "Counts of network interfaces per kind and of connection profiles per IPv4 and IPv6 addressing method.",
        MetricsLevel.Full,
        enabledByDefault: true,
        TimeSpan.FromSeconds(5),
        NetworkFields.All);

    /// <inheritdoc />
    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        var files = context.Files;
        var interfaces = CountInterfaces(files);
        var profiles = ConnectionProfiles.Read(files).Where(p => p.Ipv4Method is not null).ToArray();
        var networkManagerRuns = files.IsDirectory("/run/NetworkManager");
        if (interfaces is null && profiles.Length == 0)
        {
            // A root with neither (a fixture holding only what another probe reads) has no network to describe, which is
            // no failure; one where they are there but cannot be read is.
            return Task.FromResult(NothingThere(files)
                ? ProbeResult.NotApplicable("There is neither /sys/class/net nor a NetworkManager profile directory below this root.")
                : ProbeResult.Failed("Neither /sys/class/net nor any NetworkManager profile could be read."));
        }

        var values = new FieldValues();
        if (interfaces is not null)
        {
            foreach (var kind in InterfaceKind.All)
            {
                values.Set(NetworkFields.InterfaceCount(kind), Coarsen.Count(interfaces.GetValueOrDefault(kind)));
            }
        }

        if (profiles.Length > 0)
        {
            values.Set(NetworkFields.AddressingSourceField, AddressingSource.Keyfiles);
            SetMethodCounts(values, "ipv4", profiles.Select(p => p.Ipv4Method!));
            SetMethodCounts(values, "ipv6", profiles.Select(p => p.Ipv6Method!));
        }
        else if (networkManagerRuns && interfaces is not null)
        {
            var automatic = Enumerable.Repeat(AddressingMethod.Dhcp, interfaces.GetValueOrDefault(InterfaceKind.Ethernet)).ToArray();
            values.Set(NetworkFields.AddressingSourceField, AddressingSource.Defaults);
            SetMethodCounts(values, "ipv4", automatic);
            SetMethodCounts(values, "ipv6", automatic);
        }
        else
        {
            values.Set(NetworkFields.AddressingSourceField, AddressingSource.Unknown);
        }

        return Task.FromResult(ProbeResult.Collected(values));
    }

    // Null when /sys/class/net cannot be listed: an unreadable directory is not a machine without interfaces.
    private static bool NothingThere(IMachineFiles files) =>
        !files.ListDirectory("/sys/class").Contains("net")
        && !files.ListDirectory("/etc/NetworkManager").Contains("system-connections")
        && !files.ListDirectory("/run/NetworkManager").Contains("system-connections");

    private static Dictionary<string, int>? CountInterfaces(IMachineFiles files)
    {
        var names = files.ListDirectory("/sys/class/net");
        if (names.Count == 0)
        {
            return null;
        }

        var classifier = new InterfaceClassifier(files, VlanConfig.ReadNames(files));
        return names
            .Select(classifier.Classify)
            .OfType<string>()
            .GroupBy(kind => kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    private static void SetMethodCounts(FieldValues values, string family, IEnumerable<string> methods)
    {
        var counts = methods.GroupBy(m => m, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var method in AddressingMethod.All)
        {
            values.Set(NetworkFields.MethodCount(family, method), Coarsen.Count(counts.GetValueOrDefault(method)));
        }
    }
}
