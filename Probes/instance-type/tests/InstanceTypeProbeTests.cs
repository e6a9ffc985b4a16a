using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;
using Pinger.Probes.Testing;

namespace Pinger.Probes.InstanceType.Tests;

[TestClass]
public sealed class InstanceTypeProbeTests
{
    [TestMethod]
    public void Is_a_minimal_level_probe_enabled_by_default_within_five_seconds()
    {
        var descriptor = new InstanceTypeProbe().Descriptor;

        Assert.AreEqual(MetricsLevel.Minimal, descriptor.MinimumLevel);
        Assert.IsTrue(descriptor.EnabledByDefault);
        Assert.IsTrue(descriptor.Fields.All(f => f.Level == MetricsLevel.Minimal));
        Assert.IsLessThanOrEqualTo(TimeSpan.FromSeconds(5), descriptor.TimeBudget);
    }

    [TestMethod]
    public async Task Reports_the_type_afterburn_recorded_on_aws()
    {
        var result = await CollectAsync(FixtureRoots.PathOf("fcos-aws"));

        ProbeAssert.Collected(result, new Dictionary<string, string>
        {
            ["instance_type"] = "m5.large",
            ["source"] = "afterburn",
        });
    }

    [TestMethod]
    [DataRow("fcos-aws-no-afterburn")]
    [DataRow("fcos-gcp")]
    [DataRow("fcos-azure")]
    public async Task Is_not_applicable_on_a_cloud_without_afterburn_attributes_while_the_fallback_is_off(string rootName)
    {
        var result = await CollectAsync(FixtureRoots.PathOf(rootName));

        Assert.AreEqual(ProbeOutcome.NotApplicable, result.Outcome);
        Assert.AreEqual("No instance type is recorded, and asking the metadata service is turned off.", result.Reason);
        Assert.IsEmpty(result.Values);
    }

    [TestMethod]
    [DataRow("fcos-metal")]
    [DataRow("fcos-qemu-old-aleph")]
    [DataRow("debian")]
    [DataRow("debian-podman-container")]
    [DataRow("empty")]
    public async Task Is_not_applicable_off_the_clouds(string rootName)
    {
        var result = await CollectAsync(FixtureRoots.PathOf(rootName));

        Assert.AreEqual(ProbeOutcome.NotApplicable, result.Outcome);
        Assert.AreEqual("No instance type is recorded, and this platform has no metadata service to ask.", result.Reason);
        Assert.IsEmpty(result.Values);
    }

    [TestMethod]
    [DataRow("AFTERBURN_AZURE_VMSIZE", "Standard_D4s_v5", "Standard_D4s_v5")]
    [DataRow("AFTERBURN_GCP_MACHINE_TYPE", "projects/123456789012/machineTypes/n2-standard-4", "n2-standard-4")]
    [DataRow("AFTERBURN_OPENSTACK_INSTANCE_TYPE", "acme-gpu-large", "operator-defined")]
    [DataRow("AFTERBURN_CLOUDSTACK_SERVICE_OFFERING", "acme.medium", "operator-defined")]
    [DataRow("AFTERBURN_KUBEVIRT_INSTANCE_TYPE", "acme-vm-profile", "operator-defined")]
    [DataRow("AFTERBURN_ORACLECLOUD_INSTANCE_SHAPE", "VM.Standard.E4.Flex", "VM.Standard.E4.Flex")]
    [DataRow("AFTERBURN_PACKET_PLAN", "c3.small.x86", "c3.small.x86")]
    [DataRow("AFTERBURN_EXOSCALE_SERVICE_OFFERING", "standard.medium", "standard.medium")]
    [DataRow("AFTERBURN_ALIYUN_INSTANCE_TYPE", "ecs.g6.large", "ecs.g6.large")]
    public async Task Reads_each_clouds_afterburn_key(string key, string recorded, string expected)
    {
        using var root = new TemporaryMachineRoot().Write("/run/metadata/afterburn", $"AFTERBURN_SOME_HOSTNAME=node-17.example.net\n{key}={recorded}\n");

        var result = await CollectAsync(root.Path);

        ProbeAssert.Collected(result, new Dictionary<string, string>
        {
            ["instance_type"] = expected,
            ["source"] = "afterburn",
        });
    }

    [TestMethod]
    public async Task Is_not_applicable_when_afterburns_cloud_has_no_instance_type()
    {
        using var root = new TemporaryMachineRoot()
            .Write("/proc/cmdline", "ignition.platform.id=digitalocean\n")
            .Write("/run/metadata/afterburn", "AFTERBURN_DIGITALOCEAN_HOSTNAME=droplet-1\nAFTERBURN_DIGITALOCEAN_IPV4_PUBLIC_0=198.51.100.23\n");

        var result = await CollectAsync(root.Path);

        Assert.AreEqual(ProbeOutcome.NotApplicable, result.Outcome);
    }

    [TestMethod]
    [DataRow("m5.large; curl evil", DisplayName = "spaces and punctuation")]
    [DataRow("m5.large-with-a-very-long-suffix-that-does-not-fit-in-sixty-four-characters", DisplayName = "too long")]
    [DataRow("projects/123456789012/machineTypes/n2-standard-4", DisplayName = "a path on another cloud")]
    public async Task Fails_without_the_value_when_afterburns_type_does_not_match_the_pattern(string recorded)
    {
        using var root = new TemporaryMachineRoot().Write("/run/metadata/afterburn", $"AFTERBURN_AWS_INSTANCE_TYPE={recorded}\n");

        var result = await CollectAsync(root.Path);

        Assert.AreEqual(ProbeOutcome.Failed, result.Outcome);
        Assert.AreEqual("The instance type Afterburn recorded does not have the expected form.", result.Reason);
        Assert.IsEmpty(result.Values);
    }

    [TestMethod]
    public void Declares_its_settings_with_the_fallback_off()
    {
        var settings = new InstanceTypeProbe().Descriptor.Settings.ToDictionary(s => s.Name, s => s.DefaultValue);

        CollectionAssert.AreEquivalent(new[] { "metadata_fallback", "metadata_timeout_ms", "metadata_endpoint" }, settings.Keys.ToArray());
        Assert.AreEqual(FieldValue.FromBoolean(false), settings["metadata_fallback"]);
        Assert.AreEqual(FieldValue.FromInteger(1500), settings["metadata_timeout_ms"]);
        Assert.AreEqual(FieldValue.FromText("http://169.254.169.254"), settings["metadata_endpoint"]);
    }

    [TestMethod]
    public void Declares_the_timeout_range_and_the_endpoint_scheme_the_config_check_enforces()
    {
        var settings = new InstanceTypeProbe().Descriptor.Settings.ToDictionary(s => s.Name);

        Assert.AreEqual(100L, settings["metadata_timeout_ms"].Minimum);
        Assert.AreEqual(4000L, settings["metadata_timeout_ms"].Maximum);
        CollectionAssert.AreEqual(new[] { "http" }, settings["metadata_endpoint"].UrlSchemes!.ToArray());
    }

    private static async Task<ProbeResult> CollectAsync(string root)
    {
        var probe = new InstanceTypeProbe();
        var context = new FixtureProbeContext(root, probe.Descriptor, MetricsLevel.Minimal);
        return await probe.CollectAsync(context, CancellationToken.None);
    }
}
