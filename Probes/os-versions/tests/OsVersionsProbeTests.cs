using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;
using Pinger.Probes.Testing;

namespace Pinger.Probes.OsVersions.Tests;

[TestClass]
public sealed class OsVersionsProbeTests
{
    private const string FedoraCoreOsRelease = """
        NAME="Fedora Linux"
        VERSION="41.20241109.3.0 (CoreOS)"
        ID=fedora
        VERSION_ID=41
        VARIANT_ID=coreos
        OSTREE_VERSION='41.20241109.3.0'
        """;

    [TestMethod]
    public void Is_a_minimal_level_probe_enabled_by_default_within_five_seconds()
    {
        var descriptor = new OsVersionsProbe().Descriptor;

        Assert.AreEqual(MetricsLevel.Minimal, descriptor.MinimumLevel);
        Assert.IsTrue(descriptor.EnabledByDefault);
        Assert.IsTrue(descriptor.Fields.All(f => f.Level == MetricsLevel.Minimal));
        Assert.IsLessThanOrEqualTo(TimeSpan.FromSeconds(5), descriptor.TimeBudget);
    }

    [TestMethod]
    public async Task Reports_fedora_coreos_on_aws_installed_from_an_older_stable_release()
    {
        var (result, _) = await CollectAsync(FixtureRoots.PathOf("fcos-aws"));

        ProbeAssert.Collected(result, new Dictionary<string, string>
        {
            ["id"] = "fedora",
            ["version_id"] = "41",
            ["variant_id"] = "coreos",
            ["version"] = "41.20241109.3.0",
            ["original_version"] = "39.20231101.3.0",
            ["stream"] = "stable",
            ["machine"] = "x86_64",
        });
    }

    [TestMethod]
    public async Task Reports_fedora_coreos_on_aws_without_afterburn()
    {
        var (result, _) = await CollectAsync(FixtureRoots.PathOf("fcos-aws-no-afterburn"));

        ProbeAssert.Collected(result, new Dictionary<string, string>
        {
            ["id"] = "fedora",
            ["version_id"] = "41",
            ["variant_id"] = "coreos",
            ["version"] = "41.20241109.3.0",
            ["original_version"] = "41.20241027.3.0",
            ["stream"] = "stable",
            ["machine"] = "x86_64",
        });
    }

    [TestMethod]
    public async Task Reports_the_next_stream_a_gcp_machine_was_installed_from()
    {
        var (result, _) = await CollectAsync(FixtureRoots.PathOf("fcos-gcp"));

        ProbeAssert.Collected(result, new Dictionary<string, string>
        {
            ["id"] = "fedora",
            ["version_id"] = "41",
            ["variant_id"] = "coreos",
            ["version"] = "41.20241122.1.0",
            ["original_version"] = "41.20241030.1.0",
            ["stream"] = "next",
            ["machine"] = "x86_64",
        });
    }

    [TestMethod]
    public async Task Reads_the_stream_label_of_an_aleph_file_written_for_a_container_image_install()
    {
        var (result, _) = await CollectAsync(FixtureRoots.PathOf("fcos-azure"));

        ProbeAssert.Collected(result, new Dictionary<string, string>
        {
            ["id"] = "fedora",
            ["version_id"] = "42",
            ["variant_id"] = "coreos",
            ["version"] = "42.20250427.2.0",
            ["original_version"] = "42.20250410.2.0",
            ["stream"] = "testing",
            ["machine"] = "x86_64",
        });
    }

    [TestMethod]
    public async Task Reports_fedora_coreos_on_bare_metal()
    {
        var (result, _) = await CollectAsync(FixtureRoots.PathOf("fcos-metal"));

        ProbeAssert.Collected(result, new Dictionary<string, string>
        {
            ["id"] = "fedora",
            ["version_id"] = "41",
            ["variant_id"] = "coreos",
            ["version"] = "41.20241109.3.0",
            ["original_version"] = "40.20240416.3.1",
            ["stream"] = "stable",
            ["machine"] = "x86_64",
        });
    }

    [TestMethod]
    public async Task Reads_the_old_build_key_through_the_linked_aleph_file()
    {
        var root = FixtureRoots.PathOf("fcos-qemu-old-aleph");
        Assert.AreEqual(".aleph-version.json", new FileInfo(Path.Combine(root, "sysroot/.coreos-aleph-version.json")).LinkTarget);

        var (result, _) = await CollectAsync(root);

        ProbeAssert.Collected(result, new Dictionary<string, string>
        {
            ["id"] = "fedora",
            ["version_id"] = "41",
            ["variant_id"] = "coreos",
            ["version"] = "41.20241027.20.0",
            ["original_version"] = "32.20201002.dev.2",
            ["stream"] = "testing-devel",
            ["machine"] = "aarch64",
        });
    }

    [TestMethod]
    [DataRow("debian")]
    [DataRow("debian-podman-container")]
    public async Task Reports_only_id_version_id_and_arch_on_debian(string rootName)
    {
        var (result, _) = await CollectAsync(FixtureRoots.PathOf(rootName));

        // No variant, no OSTREE_VERSION, no aleph file; VERSION="12 (bookworm)" is free text and never sent.
        ProbeAssert.Collected(result, new Dictionary<string, string>
        {
            ["id"] = "debian",
            ["version_id"] = "12",
            ["machine"] = "x86_64",
        });
    }

    [TestMethod]
    public async Task Is_not_applicable_without_os_release_or_aleph_file()
    {
        var (result, _) = await CollectAsync(FixtureRoots.PathOf("empty"));

        Assert.AreEqual(ProbeOutcome.NotApplicable, result.Outcome);
        Assert.AreEqual("Neither os-release nor an install-time aleph file exists.", result.Reason);
        Assert.IsEmpty(result.Values);
    }

    [TestMethod]
    public async Task Follows_an_absolute_os_release_link_inside_the_root_not_on_the_host()
    {
        var root = FixtureRoots.PathOf("fcos-aws");
        Assert.AreEqual("/usr/lib/os-release", new FileInfo(Path.Combine(root, "etc/os-release")).LinkTarget);

        var (result, _) = await CollectAsync(root);

        // Only the fixture's os-release has an OSTREE_VERSION; the host's would not.
        Assert.AreEqual(FieldValue.FromText("41.20241109.3.0"), result.Values["version"]);
        Assert.AreEqual(FieldValue.FromText("coreos"), result.Values["variant_id"]);
    }

    [TestMethod]
    public async Task Falls_back_to_usr_lib_os_release_when_etc_has_none()
    {
        using var root = new TemporaryMachineRoot().Write("/usr/lib/os-release", FedoraCoreOsRelease);

        var (result, _) = await CollectAsync(root.Path);

        ProbeAssert.Collected(result, new Dictionary<string, string>
        {
            ["id"] = "fedora",
            ["version_id"] = "41",
            ["variant_id"] = "coreos",
            ["version"] = "41.20241109.3.0",
        });
    }

    [TestMethod]
    public async Task Falls_back_to_usr_lib_os_release_when_the_etc_link_is_dangling()
    {
        using var root = new TemporaryMachineRoot()
            .Link("/etc/os-release", "/usr/lib/os-release.d/missing")
            .Write("/usr/lib/os-release", FedoraCoreOsRelease);

        var (result, _) = await CollectAsync(root.Path);

        Assert.AreEqual(FieldValue.FromText("fedora"), result.Values["id"]);
    }

    [TestMethod]
    public async Task A_value_outside_its_pattern_is_left_out_not_shortened()
    {
        var longVersion = "41." + new string('7', 70);
        using var root = new TemporaryMachineRoot().Write(
            "/etc/os-release",
            $"""
            ID="Fedora Linux"
            VERSION_ID=41
            VARIANT_ID=core os
            OSTREE_VERSION={longVersion}
            """);

        var (result, context) = await CollectAsync(root.Path);

        ProbeAssert.Collected(result, new Dictionary<string, string> { ["version_id"] = "41" });
        CollectionAssert.AreEqual(
            new[]
            {
                "debug: Left out id: the value on this machine does not match the field's declaration.",
                "debug: Left out variant_id: the value on this machine does not match the field's declaration.",
                "debug: Left out version: the value on this machine does not match the field's declaration.",
            },
            context.RecordedLog.Lines.ToArray());
    }

    [TestMethod]
    public async Task Reads_the_bootc_aleph_file_when_there_is_no_coreos_one()
    {
        using var root = new TemporaryMachineRoot().Write(
            "/sysroot/.bootc-aleph.json",
            """
            {
                "digest": "sha256:07bf537cc4e4d208eb0b978f76e5046e55529ce6192b982d8c1a41fa1d61b95a",
                "kernel": "6.18.13-200.fc43.x86_64",
                "labels": { "com.coreos.osname": "fedora-coreos", "com.coreos.stream": "testing-devel" },
                "selinux": "enabled",
                "target-image": "ostree-image-signed:docker://quay.io/fedora/fedora-coreos:testing-devel",
                "timestamp": null,
                "version": "43.20260301.20.dev1"
            }
            """);

        var (result, _) = await CollectAsync(root.Path);

        ProbeAssert.Collected(result, new Dictionary<string, string>
        {
            ["original_version"] = "43.20260301.20.dev1",
            ["stream"] = "testing-devel",
        });
    }

    [TestMethod]
    public async Task Prefers_the_coreos_aleph_file_over_the_bootc_one()
    {
        using var root = new TemporaryMachineRoot()
            .Write("/sysroot/.coreos-aleph-version.json", """{"version": "40.20240416.3.1", "ref": "fedora/x86_64/coreos/stable"}""")
            .Write("/sysroot/.bootc-aleph.json", """{"version": "43.20260301.20.dev1", "target-image": "quay.io/fedora/fedora-coreos:next"}""");

        var (result, _) = await CollectAsync(root.Path);

        ProbeAssert.Collected(result, new Dictionary<string, string>
        {
            ["original_version"] = "40.20240416.3.1",
            ["stream"] = "stable",
        });
    }

    [TestMethod]
    public async Task Skips_an_aleph_file_that_is_not_json_without_quoting_it()
    {
        using var root = new TemporaryMachineRoot()
            .Write("/etc/os-release", FedoraCoreOsRelease)
            .Write("/sysroot/.coreos-aleph-version.json", "{\"version\": \"41.2024 secret-host-name");

        var (result, context) = await CollectAsync(root.Path);

        Assert.IsFalse(result.Values.ContainsKey("original_version"));
        CollectionAssert.AreEqual(
            new[] { "debug: Skipped /sysroot/.coreos-aleph-version.json: it is not a JSON object." },
            context.RecordedLog.Lines.ToArray());
    }

    [TestMethod]
    [DataRow("fedora/x86_64/coreos/bodhi-updates", "other", DisplayName = "an unknown Fedora CoreOS stream")]
    [DataRow("fedora/s390x/coreos/rawhide", "rawhide", DisplayName = "rawhide")]
    [DataRow("ostree-image-signed:docker://quay.io/fedora/fedora-coreos:next-devel", "next-devel", DisplayName = "a tagged container image")]
    [DataRow("docker://ostree-image-signed:oci-archive:/rhcos-418.94.202511191518-0-ostree.x86_64.ociarchive", null, DisplayName = "an image archive names no stream")]
    [DataRow("quay.io/fedora/fedora-coreos@sha256:4e1f8a3c6d9b2e5f8a1c4d7b0e3f6a9c", null, DisplayName = "an image digest names no stream")]
    [DataRow("", null, DisplayName = "an empty ref")]
    public async Task Reads_the_stream_from_the_aleph_ref(string reference, string? expected)
    {
        using var root = new TemporaryMachineRoot()
            .Write("/sysroot/.coreos-aleph-version.json", $$"""{"version": "41.20241109.3.0", "ref": "{{reference}}"}""");

        var (result, _) = await CollectAsync(root.Path);

        Assert.AreEqual(expected is null ? null : FieldValue.FromText(expected), result.Values.GetValueOrDefault("stream"));
    }

    [TestMethod]
    public async Task An_architecture_outside_the_list_is_other()
    {
        using var root = new TemporaryMachineRoot()
            .Write("/etc/os-release", FedoraCoreOsRelease)
            .Write("/proc/sys/kernel/arch", "loongarch64\n");

        var (result, _) = await CollectAsync(root.Path);

        Assert.AreEqual(FieldValue.FromText("other"), result.Values["machine"]);
    }

    [TestMethod]
    public async Task Asks_uname_when_the_kernel_is_too_old_for_proc_sys_kernel_arch()
    {
        using var root = new TemporaryMachineRoot().Write("/etc/os-release", FedoraCoreOsRelease);
        var probe = new OsVersionsProbe();
        var context = new FixtureProbeContext(root.Path, probe.Descriptor, MetricsLevel.Minimal);
        context.FakeCommands.Answer("uname", ["-m"], "ppc64le\n");

        var result = await probe.CollectAsync(context, CancellationToken.None);

        Assert.AreEqual(FieldValue.FromText("ppc64le"), result.Values["machine"]);
        CollectionAssert.AreEqual(new[] { "uname -m" }, context.FakeCommands.Calls.ToArray());
    }

    [TestMethod]
    public async Task Leaves_out_the_architecture_when_nothing_tells_it()
    {
        using var root = new TemporaryMachineRoot().Write("/etc/os-release", FedoraCoreOsRelease);

        var (result, _) = await CollectAsync(root.Path);

        Assert.IsFalse(result.Values.ContainsKey("machine"));
    }

    [TestMethod]
    public async Task Does_not_run_uname_when_the_kernel_file_answers()
    {
        var probe = new OsVersionsProbe();
        var context = new FixtureProbeContext(FixtureRoots.PathOf("fcos-metal"), probe.Descriptor, MetricsLevel.Minimal);

        await probe.CollectAsync(context, CancellationToken.None);

        Assert.IsEmpty(context.FakeCommands.Calls);
    }

    private static async Task<(ProbeResult Result, FixtureProbeContext Context)> CollectAsync(string root)
    {
        var probe = new OsVersionsProbe();
        var context = new FixtureProbeContext(root, probe.Descriptor, MetricsLevel.Minimal);
        return (await probe.CollectAsync(context, CancellationToken.None), context);
    }
}
