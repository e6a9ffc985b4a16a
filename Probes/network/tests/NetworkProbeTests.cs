using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;
using Pinger.Probes.Testing;

namespace Pinger.Probes.Network.Tests;

[TestClass]
public sealed class NetworkProbeTests
{
    [TestMethod]
    public void Runs_and_emits_only_at_the_full_level_and_is_enabled_by_default()
    {
        var descriptor = new NetworkProbe().Descriptor;

        Assert.AreEqual(MetricsLevel.Full, descriptor.MinimumLevel);
        var belowFull = descriptor.Fields.Where(f => f.Level != MetricsLevel.Full).Select(f => f.Name).ToArray();
        Assert.IsEmpty(belowFull, string.Join(", ", belowFull));
        Assert.IsTrue(descriptor.EnabledByDefault);
    }

    [TestMethod]
    public async Task Counts_the_metal_servers_bond_vlans_and_one_profile_per_addressing_method()
    {
        var result = await FixtureRoots.RunAsync(new NetworkProbe(), "metal-server");

        // eno1..eno4 (four, bucketed to 2), bond0, bond0.100 and bond0.200. The bond's two port profiles carry no
        // addresses; bond0 is disabled, VLAN 100 static, VLAN 200 automatic, eno3 link-local, for both families.
        ProbeAssert.Collected(result, Interfaces(ethernet: 2, bond: 1, vlan: 2)
            .Set("addressing_source", "keyfiles")
            .Set(Methods("ipv4", dhcp: 1, @static: 1, disabled: 1, linkLocal: 1))
            .Set(Methods("ipv6", dhcp: 1, @static: 1, disabled: 1, linkLocal: 1)));
    }

    [TestMethod]
    public async Task Counts_the_laptops_wifi_and_reads_runtime_profiles_too()
    {
        var result = await FixtureRoots.RunAsync(new NetworkProbe(), "laptop-wifi");

        // virbr0 is a bridge, wg0 (WireGuard) is other. Home Wi-Fi is automatic, the dock and the VPN are static
        // (IPv6 ignored or disabled), and the hotspot profile under /run shares its connection (other).
        ProbeAssert.Collected(result, Interfaces(ethernet: 1, wifi: 1, bridge: 1, other: 1)
            .Set("addressing_source", "keyfiles")
            .Set(Methods("ipv4", dhcp: 1, @static: 2, other: 1))
            .Set(Methods("ipv6", dhcp: 1, disabled: 2, other: 1)));
    }

    [TestMethod]
    public async Task Counts_the_okd_nodes_open_vswitch_interfaces_as_other_and_skips_pod_veths()
    {
        var result = await FixtureRoots.RunAsync(new NetworkProbe(), "okd-node");

        // ovs-system, br-ex, br-int, genev_sys_6081 and ovn-k8s-mp0 are other; the three pod interfaces are paired
        // with interfaces in pod namespaces and skipped. The OVS interface profile holds br-ex's static address.
        ProbeAssert.Collected(result, Interfaces(ethernet: 2, other: 5)
            .Set("addressing_source", "keyfiles")
            .Set(Methods("ipv4", @static: 2))
            .Set(Methods("ipv6", disabled: 2)));
    }

    [TestMethod]
    public async Task Infers_networkmanagers_automatic_profiles_on_the_docker_host_without_keyfiles()
    {
        var result = await FixtureRoots.RunAsync(new NetworkProbe(), "docker-host");

        // docker0 and the user-defined network's bridge count; the six container veths do not.
        ProbeAssert.Collected(result, Interfaces(ethernet: 1, bridge: 2)
            .Set("addressing_source", "defaults")
            .Set(Methods("ipv4", dhcp: 1))
            .Set(Methods("ipv6", dhcp: 1)));
    }

    [TestMethod]
    public async Task Reads_the_aws_vms_profile_written_by_the_initramfs_under_run()
    {
        var result = await FixtureRoots.RunAsync(new NetworkProbe(), "aws-vm");

        ProbeAssert.Collected(result, Interfaces(ethernet: 1)
            .Set("addressing_source", "keyfiles")
            .Set(Methods("ipv4", dhcp: 1))
            .Set(Methods("ipv6", dhcp: 1)));
    }

    [TestMethod]
    public async Task Is_not_applicable_on_a_root_without_interfaces_or_profile_directories()
    {
        var result = await FixtureRoots.RunAsync(new NetworkProbe(), "empty");

        ProbeAssert.NotApplicable(result, "There is neither /sys/class/net nor a NetworkManager profile directory below this root.");
    }

    [TestMethod]
    public async Task Fails_when_neither_interfaces_nor_profiles_can_be_read()
    {
        var result = await FixtureRoots.RunAsync(new NetworkProbe(), "unreadable");

        ProbeAssert.Failed(result, "Neither /sys/class/net nor any NetworkManager profile could be read.");
    }

    [TestMethod]
    public async Task Says_addressing_is_unknown_without_profiles_or_networkmanager()
    {
        using var root = new TemporaryMachineRoot();
        Interface(root, "lo", type: 772, index: 1);
        Interface(root, "eth0", type: 1, index: 2, device: true);

        var result = await Run(root);

        ProbeAssert.Collected(result, Interfaces(ethernet: 1).Set("addressing_source", "unknown"));
    }

    [TestMethod]
    public async Task Recognises_a_team_by_teamds_pid_file_and_wifi_by_its_wireless_directory()
    {
        using var root = new TemporaryMachineRoot();
        Interface(root, "team0", type: 1, index: 3);
        root.Write("/run/teamd/team0.pid", "812\n");
        Interface(root, "wlan0", type: 1, index: 4, device: true);
        root.CreateDirectory("/sys/class/net/wlan0/wireless");

        var result = await Run(root);

        ProbeAssert.Collected(result, Interfaces(wifi: 1, team: 1).Set("addressing_source", "unknown"));
    }

    [TestMethod]
    public async Task Skips_interfaces_paired_with_another_namespace_and_counts_other_virtual_ones()
    {
        using var root = new TemporaryMachineRoot();
        Interface(root, "cali1f2e3d4c5b6", type: 1, index: 7, link: 4);
        Interface(root, "vxlan.calico", type: 1, index: 8);
        Interface(root, "tun0", type: 65534, index: 9);
        Interface(root, "ib0", type: 32, index: 10, device: true);

        var result = await Run(root);

        // vxlan.calico, tun0 and InfiniBand ib0: three, bucketed to 2.
        ProbeAssert.Collected(result, Interfaces(other: 2).Set("addressing_source", "unknown"));
    }

    [TestMethod]
    public async Task A_runtime_profile_replaces_the_admin_profile_with_the_same_uuid()
    {
        using var root = new TemporaryMachineRoot();
        Interface(root, "eth0", type: 1, index: 2, device: true);
        root.Write("/etc/NetworkManager/system-connections/a.nmconnection", "[connection]\nuuid=1\ntype=ethernet\n[ipv4]\nmethod=manual\n");
        root.Write("/run/NetworkManager/system-connections/b.nmconnection", "[connection]\nuuid=1\ntype=ethernet\n[ipv4]\nmethod=auto\n[ipv6]\nmethod=ignore\n");
        root.Write("/etc/NetworkManager/system-connections/not-a-profile.bak", "[connection]\nuuid=2\n[ipv4]\nmethod=manual\n");

        var result = await Run(root);

        ProbeAssert.Collected(result, Interfaces(ethernet: 1)
            .Set("addressing_source", "keyfiles")
            .Set(Methods("ipv4", dhcp: 1))
            .Set(Methods("ipv6", disabled: 1)));
    }

    private static Task<ProbeResult> Run(TemporaryMachineRoot root)
    {
        var probe = new NetworkProbe();
        return probe.CollectAsync(new FixtureProbeContext(root.Path, probe.Descriptor), CancellationToken.None);
    }

    // A minimal sysfs interface; physical ones get a device link target.
    private static void Interface(TemporaryMachineRoot root, string name, int type, int index, int? link = null, bool device = false)
    {
        var directory = $"/sys/class/net/{name}";
        root.Write($"{directory}/type", $"{type}\n")
            .Write($"{directory}/ifindex", $"{index}\n")
            .Write($"{directory}/iflink", $"{link ?? index}\n")
            .Write($"{directory}/uevent", $"INTERFACE={name}\nIFINDEX={index}\n");
        if (device)
        {
            root.CreateDirectory($"{directory}/device");
        }
    }

    private static FieldValues Interfaces(long ethernet = 0, long wifi = 0, long bond = 0, long bridge = 0, long team = 0, long vlan = 0, long other = 0) =>
        new FieldValues()
            .Set("ethernet_interfaces", ethernet)
            .Set("wifi_interfaces", wifi)
            .Set("bond_interfaces", bond)
            .Set("bridge_interfaces", bridge)
            .Set("team_interfaces", team)
            .Set("vlan_interfaces", vlan)
            .Set("other_interfaces", other);

    private static IEnumerable<(string Name, long Count)> Methods(string family, long dhcp = 0, long @static = 0, long disabled = 0, long linkLocal = 0, long other = 0) =>
    [
        ($"{family}_dhcp", dhcp),
        ($"{family}_static", @static),
        ($"{family}_disabled", disabled),
        ($"{family}_link_local", linkLocal),
        ($"{family}_other", other),
    ];
}
