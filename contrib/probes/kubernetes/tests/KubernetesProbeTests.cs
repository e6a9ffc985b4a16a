using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;

namespace Pinger.Contrib.Kubernetes.Tests;

[TestClass]
public sealed class KubernetesProbeTests
{
    private static readonly KubernetesProbe Probe = new();

    [TestMethod]
    [DataRow("rke2-server", "rke2", "v1.31", true)]
    [DataRow("k3s-agent", "k3s", null, false)]
    [DataRow("kubeadm-control-plane", "kubeadm", "v1.31", true)]
    [DataRow("kubeadm-worker-debian", "kubeadm", "v1.30", false)]
    [DataRow("microk8s", "microk8s", "v1.31", null)]
    [DataRow("openshift-control-plane", "openshift", null, true)]
    [DataRow("okd-worker", "okd", null, false)]
    public async Task Each_kind_of_node_gives_its_distribution_minor_version_and_role(string root, string distribution, string? version, bool? controlPlane)
    {
        var result = await Collect(root, MetricsLevel.Full);

        Assert.AreEqual(ProbeOutcome.Collected, result.Outcome, result.Reason);
        Assert.AreEqual(distribution, result.Values["distribution"].Text);
        Assert.AreEqual(version, result.Values.GetValueOrDefault("kubernetes_version")?.Text);
        Assert.AreEqual(controlPlane, result.Values.GetValueOrDefault("control_plane")?.Boolean);
        CollectionAssert.AreEqual(Array.Empty<string>(), ProbeResultCheck.Violations(Probe.Descriptor, MetricsLevel.Full, result).ToArray());
    }

    [TestMethod]
    public void The_schema_file_shipped_to_servers_still_matches_the_probe()
    {
        var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", "kubernetes.json"));

        // Regenerate with: pinger schema --probe-dir out --output contrib/probes/kubernetes/schema/kubernetes.json
        Assert.AreEqual(shipped, ProbeSchemaFile.Of(Probe));
    }

    [TestMethod]
    [DataRow("rke2-server")]
    [DataRow("kubeadm-control-plane")]
    [DataRow("openshift-control-plane")]
    public async Task At_level_minimal_only_the_minimal_fields_are_emitted(string root)
    {
        var result = await Collect(root, MetricsLevel.Minimal);

        Assert.IsFalse(result.Values.ContainsKey("control_plane"));
        CollectionAssert.AreEqual(Array.Empty<string>(), ProbeResultCheck.Violations(Probe.Descriptor, MetricsLevel.Minimal, result).ToArray());
    }

    [TestMethod]
    public async Task A_machine_without_Kubernetes_is_not_applicable()
    {
        using var root = new TemporaryMachineRoot().Write("/etc/os-release", "ID=fedora\n");

        var result = await Probe.CollectAsync(new FixtureProbeContext(root.Path, Probe.Descriptor), CancellationToken.None);

        Assert.AreEqual(ProbeOutcome.NotApplicable, result.Outcome);
    }

    [TestMethod]
    public async Task A_kubelet_no_distribution_explains_is_other()
    {
        using var root = new TemporaryMachineRoot().Write("/var/lib/kubelet/config.yaml", "kind: KubeletConfiguration\n");

        var result = await Probe.CollectAsync(new FixtureProbeContext(root.Path, Probe.Descriptor), CancellationToken.None);

        Assert.AreEqual("other", result.Values["distribution"].Text);
    }

    [TestMethod]
    public async Task A_version_that_does_not_fit_the_declaration_is_left_out_rather_than_cut_to_fit()
    {
        using var root = new TemporaryMachineRoot().Write("/snap/microk8s/current/meta/snap.yaml", "name: microk8s\nversion: latest/edge\n");

        var result = await Probe.CollectAsync(new FixtureProbeContext(root.Path, Probe.Descriptor), CancellationToken.None);

        Assert.AreEqual("microk8s", result.Values["distribution"].Text);
        Assert.IsFalse(result.Values.ContainsKey("kubernetes_version"));
    }

    [TestMethod]
    [DataRow("kubeadm-control-plane")]
    [DataRow("kubeadm-worker-debian")]
    [DataRow("k3s-agent")]
    public async Task Credentials_are_never_read_and_nothing_of_the_node_reaches_the_result(string root)
    {
        var files = new ReadRecordingFiles(new RootedMachineFiles(Roots.Named(root)));

        var result = await Probe.CollectAsync(new ContextOver(files, Probe.Descriptor), CancellationToken.None);

        CollectionAssert.DoesNotContain(files.Read.ToArray(), "/etc/kubernetes/kubelet.conf");
        CollectionAssert.DoesNotContain(files.Read.ToArray(), "/etc/rancher/k3s/config.yaml");
        var emitted = string.Join(" ", result.Values.Values.Select(v => v.Text));
        Assert.DoesNotContain("PLANTED", emitted);
    }

    [TestMethod]
    [DataRow("v1.31.2+k3s1", "v1.31")]
    [DataRow("1.30.4-1.1", "v1.30")]
    [DataRow("registry.k8s.io/kube-apiserver:v1.29.10", "v1.29")]
    [DataRow("v1.31.2-rke2r1-0f1e2d3c4b5a", "v1.31")]
    [DataRow("v2.0.0", null)]
    [DataRow("v1.1234.0", null)]
    [DataRow("latest", null)]
    public void Versions_are_cut_to_major_and_minor(string text, string? minor)
    {
        Assert.AreEqual(minor, KubernetesVersion.MinorOf(text));
    }

    private static Task<ProbeResult> Collect(string root, MetricsLevel level) =>
        Probe.CollectAsync(new FixtureProbeContext(Roots.Named(root), Probe.Descriptor, level), CancellationToken.None);
}
