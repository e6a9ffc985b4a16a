using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;
using Pinger.Probes.Testing;

namespace Pinger.Probes.LayeredPackages.Tests;

[TestClass]
public sealed class LayeredPackagesProbeTests
{
    [TestMethod]
    public async Task Names_the_metal_servers_well_known_packages_and_only_counts_its_internal_ones()
    {
        var result = await RpmOstreeFixtures.RunAsync("metal-server");

        // Four well-known packages and the company's acme-agent from repositories, plus acme-fleet-agent from a
        // local file: six layered (bucketed to 5), and acme-agent counted, not named.
        ProbeAssert.Collected(result, new FieldValues()
            .Set("layered", true)
            .Set("layered_packages", 5)
            .Set("overridden_packages", 0)
            .Set("packages", ["htop", "ipmitool", "lldpd", "tmux"])
            .Set("unlisted_packages", 1));
    }

    [TestMethod]
    public async Task Counts_the_laptops_removed_firefox_as_overrides()
    {
        var result = await RpmOstreeFixtures.RunAsync("laptop-wifi");

        // Six from repositories and one local VPN client (seven, bucketed to 5); two base packages removed.
        ProbeAssert.Collected(result, new FieldValues()
            .Set("layered", true)
            .Set("layered_packages", 5)
            .Set("overridden_packages", 2)
            .Set("packages", ["fish", "gnome-tweaks", "libvirt", "tmux", "virt-manager", "wireguard-tools"])
            .Set("unlisted_packages", 0));
    }

    [TestMethod]
    public async Task Counts_the_aws_vms_local_kernel_replacement_as_overrides()
    {
        var result = await RpmOstreeFixtures.RunAsync("aws-vm");

        ProbeAssert.Collected(result, new FieldValues()
            .Set("layered", true)
            .Set("layered_packages", 2)
            .Set("overridden_packages", 2)
            .Set("packages", ["awscli2", "nvme-cli"])
            .Set("unlisted_packages", 0));
    }

    [TestMethod]
    [DataRow("okd-node")]
    [DataRow("docker-host")]
    public async Task Reports_an_unchanged_image_from_the_booted_deployment_not_a_staged_one(string root)
    {
        var result = await RpmOstreeFixtures.RunAsync(root);

        // docker-host has an update staged that would layer docker-compose.
        ProbeAssert.Collected(result, new FieldValues()
            .Set("layered", false)
            .Set("layered_packages", 0)
            .Set("overridden_packages", 0)
            .Set("packages", Array.Empty<string>())
            .Set("unlisted_packages", 0));
    }

    [TestMethod]
    public async Task Runs_exactly_rpm_ostree_status_json()
    {
        var context = RpmOstreeFixtures.Context("metal-server");

        await new LayeredPackagesProbe().CollectAsync(context, CancellationToken.None);

        CollectionAssert.AreEqual(new[] { "rpm-ostree status --json" }, context.FakeCommands.Calls.ToArray());
    }

    [TestMethod]
    public async Task Is_not_applicable_without_rpm_ostree()
    {
        var result = await RpmOstreeFixtures.RunAsync("unreadable");

        ProbeAssert.NotApplicable(result, "rpm-ostree is not installed.");
    }

    [TestMethod]
    public async Task Fails_when_rpm_ostree_fails_on_an_ostree_system()
    {
        var result = await RunWith("metal-server", "error: Loading sysroot: Timeout was reached", exitCode: 1);

        ProbeAssert.Failed(result, "rpm-ostree status --json failed.");
    }

    [TestMethod]
    public async Task Is_not_applicable_when_rpm_ostree_fails_because_the_system_did_not_boot_from_ostree()
    {
        // The unreadable root's /run/ostree-booted is a dangling link: the marker is absent.
        var result = await RunWith("unreadable", "error: This system was not booted via libostree", exitCode: 1);

        ProbeAssert.NotApplicable(result, "The system was not booted from an ostree deployment.");
    }

    [TestMethod]
    [DataRow("Usage: rpm-ostree status [OPTION…]")]
    [DataRow("{\"deployments\": {}}")]
    [DataRow("[]")]
    [DataRow("{\"deployments\": [{\"booted\": true, \"requested-packages\": [\"htop\"]")]
    public async Task Fails_on_output_that_is_not_rpm_ostrees_json(string output)
    {
        var result = await RunWith("metal-server", output);

        ProbeAssert.Failed(result, "rpm-ostree status --json did not print the expected JSON.");
    }

    [TestMethod]
    public async Task Fails_when_no_deployment_is_booted()
    {
        var result = await RunWith("metal-server", "{\"deployments\": [{\"booted\": false, \"staged\": true, \"requested-packages\": []}]}");

        ProbeAssert.Failed(result, "rpm-ostree status --json lists no booted deployment.");
    }

    [TestMethod]
    public async Task Reports_bare_names_and_drops_specs_that_are_not_package_names()
    {
        const string Status = """
            {"deployments": [{"booted": true,
              "requested-packages": ["htop.x86_64", "kernel-devel-6.11.7-300.fc41.x86_64", "python3-3par", "/usr/bin/planted-tool",
                                     "pkgconfig(planted-lib)", "tmux", "tmux-3.5a-1.fc41", "planted-secret-agent"],
              "requested-local-packages": ["planted-secret-agent-1.0-1.x86_64"],
              "requested-local-fileoverride-packages": ["planted-override-2.0-1.noarch"],
              "base-removals": [], "base-local-replacements": [],
              "base-remote-replacements": {"copr:copr.fedorainfracloud.org:planted:repo": ["mesa-libGL", "mesa-dri-drivers"]}}]}
            """;

        var result = await RunWith("metal-server", Status);

        // Ten layered (eight requested, two local files) and two packages replaced from a repository. Named: only
        // well-known names; python3-3par (not on the list), the path, the capability and the name also layered from
        // a local file are four unnamed (bucketed to 2).
        ProbeAssert.Collected(result, new FieldValues()
            .Set("layered", true)
            .Set("layered_packages", 10)
            .Set("overridden_packages", 2)
            .Set("packages", ["htop", "kernel-devel", "tmux"])
            .Set("unlisted_packages", 2));
    }

    [TestMethod]
    public async Task Reports_at_most_64_names_the_first_in_alphabetical_order_and_counts_the_rest()
    {
        var wellKnown = WellKnownPackages.Names.Order(StringComparer.Ordinal).ToArray();
        var requested = wellKnown.Reverse().Select(name => $"\"{name}\"");
        var result = await RunWith("metal-server", $$"""{"deployments": [{"booted": true, "requested-packages": [{{string.Join(",", requested)}}]}]}""");

        CollectionAssert.AreEqual(wellKnown.Take(64).ToArray(), result.Values["packages"].Items!.ToArray());
        Assert.AreEqual(FieldValue.FromInteger(Coarsen.Count(wellKnown.Length - 64)), result.Values["unlisted_packages"]);
    }

    [TestMethod]
    [DataRow("acme-agent")]
    [DataRow("acme-agent-2.4.1-1.el9.x86_64")]
    [DataRow("contoso-monitoring.noarch")]
    public async Task Counts_a_repository_package_off_the_list_without_naming_it(string spec)
    {
        var result = await RunWith("metal-server", $$"""{"deployments": [{"booted": true, "requested-packages": ["{{spec}}", "tmux"]}]}""");

        ProbeAssert.Collected(result, new FieldValues()
            .Set("layered", true)
            .Set("layered_packages", 2)
            .Set("overridden_packages", 0)
            .Set("packages", ["tmux"])
            .Set("unlisted_packages", 1));
    }

    [TestMethod]
    public async Task Counts_a_requested_removal_not_yet_applied_as_layered()
    {
        var result = await RunWith("metal-server", """{"deployments": [{"booted": true, "requested-base-removals": ["nano"], "base-removals": []}]}""");

        ProbeAssert.Collected(result, new FieldValues()
            .Set("layered", true)
            .Set("layered_packages", 0)
            .Set("overridden_packages", 0)
            .Set("packages", Array.Empty<string>())
            .Set("unlisted_packages", 0));
    }

    [TestMethod]
    public async Task Leaves_package_names_out_below_the_full_level()
    {
        var result = await RpmOstreeFixtures.RunAsync("laptop-wifi", MetricsLevel.Minimal);

        ProbeAssert.Collected(result, new FieldValues()
            .Set("layered", true)
            .Set("layered_packages", 5)
            .Set("overridden_packages", 2));
    }

    private static Task<ProbeResult> RunWith(string root, string output, int exitCode = 0)
    {
        var probe = new LayeredPackagesProbe();
        var context = new FixtureProbeContext(FixtureRoots.PathOf(root), probe.Descriptor);
        context.FakeCommands.Answer("rpm-ostree", ["status", "--json"], output, exitCode);
        return probe.CollectAsync(context, CancellationToken.None);
    }
}
