using Pinger.Plugins.Sdk;
using Pinger.Probes.Testing;

namespace Pinger.Probes.InstanceType.Tests;

/// <summary>
/// The opt-in fallback on every fixture root, against a fake metadata service that answers for all three clouds:
/// what the probe emits fits its declaration, and nothing identifying leaves it, not even the GCP project number
/// the service names in its answer.
/// </summary>
[TestClass]
public sealed class FallbackPrivacyTests
{
    private const string GcpProjectNumber = "418207663514";

    [TestMethod]
    [DynamicData(nameof(FixtureRoots.Rows), typeof(FixtureRoots))]
    public async Task With_the_fallback_on_emits_only_declared_values_and_nothing_identifying(string root)
    {
        await using var server = new FakeMetadataServer(AnyCloud);
        var probe = new InstanceTypeProbe();
        var settings = new Dictionary<string, FieldValue>
        {
            ["metadata_fallback"] = FieldValue.FromBoolean(true),
            ["metadata_endpoint"] = FieldValue.FromText(server.Endpoint),
        };
        var context = FixtureRoots.Context(root, probe, MetricsLevel.Full, settings);

        var result = await probe.CollectAsync(context, CancellationToken.None);

        ProbeAssert.AllDeclaredAndAccepted(probe.Descriptor, result);
        ProbeAssert.SaidNothingPlanted(probe.Descriptor, result, context, [.. PlantedIdentifiers.On(FixtureRoots.PathOf(root)), GcpProjectNumber]);
    }

    [TestMethod]
    public async Task The_fake_service_does_answer_so_the_answer_is_checked()
    {
        await using var server = new FakeMetadataServer(AnyCloud);
        var probe = new InstanceTypeProbe();
        var settings = new Dictionary<string, FieldValue>
        {
            ["metadata_fallback"] = FieldValue.FromBoolean(true),
            ["metadata_endpoint"] = FieldValue.FromText(server.Endpoint),
        };

        var result = await probe.CollectAsync(FixtureRoots.Context("fcos-gcp", probe, MetricsLevel.Full, settings), CancellationToken.None);

        Assert.AreEqual(FieldValue.FromText("e2-standard-2"), result.Values["instance_type"]);
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
