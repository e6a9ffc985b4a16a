using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;
using Pinger.Probes.InstanceType;
using Pinger.Probes.OsVersions;
using Pinger.Probes.Platform;
using Pinger.Probes.Tests.InstanceType;

namespace Pinger.Probes.Tests;

/// <summary>
/// Checks every probe of this folder on every fixture root, including roots other probes' tests added: what is
/// emitted fits its own declaration, and nothing that identifies the machine leaves the probe.
/// </summary>
[TestClass]
public sealed class EveryProbeTests
{
    private const string GcpProjectNumber = "418207663514";

    public static IEnumerable<object[]> Roots => FixtureRoots.Names.Select(name => new object[] { name });

    [TestMethod]
    public void Every_probe_is_a_minimal_level_probe_enabled_by_default()
    {
        foreach (var probe in Probes())
        {
            Assert.AreEqual(MetricsLevel.Minimal, probe.Descriptor.MinimumLevel, probe.Descriptor.Id);
            Assert.IsTrue(probe.Descriptor.EnabledByDefault, probe.Descriptor.Id);
            Assert.IsTrue(probe.Descriptor.Fields.All(f => f.Level == MetricsLevel.Minimal), probe.Descriptor.Id);
            Assert.IsLessThanOrEqualTo(TimeSpan.FromSeconds(5), probe.Descriptor.TimeBudget, probe.Descriptor.Id);
        }

        CollectionAssert.AreEqual(new[] { "platform", "os-versions", "instance-type" }, Probes().Select(p => p.Descriptor.Id).ToArray());
    }

    [TestMethod]
    [DynamicData(nameof(Roots))]
    public async Task Every_emitted_value_is_accepted_by_its_own_declaration(string rootName)
    {
        foreach (var run in await RunAllAsync(rootName))
        {
            foreach (var (name, value) in run.Result.Values)
            {
                var declaration = run.Probe.Descriptor.Fields.SingleOrDefault(f => f.Name == name);
                Assert.IsNotNull(declaration, $"{run.Probe.Descriptor.Id} emitted the undeclared field '{name}'.");
                Assert.IsTrue(declaration.Accepts(value, out var problem), $"{run.Probe.Descriptor.Id}.{name}: {problem}");
            }
        }
    }

    [TestMethod]
    [DynamicData(nameof(Roots))]
    public async Task Nothing_that_identifies_the_machine_is_emitted_reasoned_or_logged(string rootName)
    {
        var planted = PlantedValues.In(FixtureRoots.PathOf(rootName)).Append(GcpProjectNumber).ToArray();
        foreach (var run in await RunAllAsync(rootName))
        {
            var said = run.Result.Values.Values.Select(v => v.ToString())
                .Concat(run.Context.RecordedLog.Lines)
                .Append(run.Result.Reason ?? string.Empty);
            foreach (var text in said)
            {
                var leaked = planted.FirstOrDefault(secret => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
                Assert.IsNull(leaked, $"{run.Probe.Descriptor.Id} on {rootName} let out an identifying value.");
            }
        }
    }

    [TestMethod]
    [DataRow("fcos-aws")]
    [DataRow("fcos-metal")]
    [DataRow("fcos-qemu-old-aleph")]
    [DataRow("debian")]
    [DataRow("debian-podman-container")]
    public void The_fixture_roots_do_hold_identifying_values_to_look_for(string rootName)
    {
        Assert.IsGreaterThanOrEqualTo(3, PlantedValues.In(FixtureRoots.PathOf(rootName)).Count);
    }

    private static IProbe[] Probes() => [new PlatformProbe(), new OsVersionsProbe(), new InstanceTypeProbe()];

    // Each probe runs twice: with its default settings, and with every opt-in turned on against a fake
    // metadata service that answers for all three clouds.
    private static async Task<IReadOnlyList<ProbeRun>> RunAllAsync(string rootName)
    {
        await using var server = new FakeMetadataServer(AnyCloud);
        var runs = new List<ProbeRun>();
        foreach (var probe in Probes())
        {
            foreach (var settings in new[] { null, OptInSettings(probe, server.Endpoint) })
            {
                var context = new FixtureProbeContext(FixtureRoots.PathOf(rootName), probe.Descriptor, MetricsLevel.Full, settings);
                runs.Add(new ProbeRun(probe, context, await probe.CollectAsync(context, CancellationToken.None)));
            }
        }

        return runs;
    }

    private static Dictionary<string, FieldValue> OptInSettings(IProbe probe, string endpoint)
    {
        var settings = new Dictionary<string, FieldValue>();
        foreach (var setting in probe.Descriptor.Settings)
        {
            settings[setting.Name] = setting.Name == "metadata_endpoint"
                ? FieldValue.FromText(endpoint)
                : setting.Type == FieldType.Boolean ? FieldValue.FromBoolean(true) : setting.DefaultValue;
        }

        return settings;
    }

    private static MetadataReply? AnyCloud(RecordedRequest request) => request.Target switch
    {
        "/latest/api/token" => MetadataReply.Ok("token-value"),
        "/latest/meta-data/instance-type" => MetadataReply.Ok("t3.medium"),
        "/computeMetadata/v1/instance/machine-type" => MetadataReply.Ok($"projects/{GcpProjectNumber}/zones/europe-west4-a/machineTypes/e2-standard-2"),
        _ when request.Target.StartsWith("/metadata/instance/compute/vmSize", StringComparison.Ordinal) => MetadataReply.Ok("Standard_B2s"),
        _ => MetadataReply.Error(404),
    };
}
