using System.Net;
using System.Net.Sockets;
using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;
using Pinger.Probes.Testing;

namespace Pinger.Probes.InstanceType.Tests;

/// <summary>The opt-in metadata service fallback, against a real HTTP server on the loopback address.</summary>
[TestClass]
public sealed class MetadataFallbackTests
{
    private const string AwsToken = "AQAEAKx7-token-for-one-request==";

    [TestMethod]
    public async Task Asks_aws_with_an_imdsv2_session_token()
    {
        await using var server = new FakeMetadataServer(Aws("t3.medium"));

        var result = await CollectAsync("fcos-aws-no-afterburn", server, fallback: true);

        ProbeAssert.Collected(result, new Dictionary<string, string>
        {
            ["instance_type"] = "t3.medium",
            ["source"] = "metadata-service",
        });
        var requests = server.Requests;
        Assert.HasCount(2, requests);
        Assert.AreEqual("PUT", requests[0].Method);
        Assert.AreEqual("/latest/api/token", requests[0].Target);
        Assert.AreEqual("60", requests[0].Header("X-aws-ec2-metadata-token-ttl-seconds"));
        Assert.AreEqual("GET", requests[1].Method);
        Assert.AreEqual("/latest/meta-data/instance-type", requests[1].Target);
        Assert.AreEqual(AwsToken, requests[1].Header("X-aws-ec2-metadata-token"));
    }

    [TestMethod]
    public async Task Asks_gcp_with_its_flavor_header_and_keeps_only_the_last_path_segment()
    {
        await using var server = new FakeMetadataServer(request =>
            request.Target == "/computeMetadata/v1/instance/machine-type" && request.Header("Metadata-Flavor") == "Google"
                ? MetadataReply.Ok("projects/418207663514/zones/us-central1-a/machineTypes/n2-standard-4")
                : MetadataReply.Error(403));

        var result = await CollectAsync("fcos-gcp", server, fallback: true);

        ProbeAssert.Collected(result, new Dictionary<string, string>
        {
            ["instance_type"] = "n2-standard-4",
            ["source"] = "metadata-service",
        });
        Assert.HasCount(1, server.Requests);
        Assert.AreEqual("GET", server.Requests[0].Method);
    }

    [TestMethod]
    public async Task Asks_azure_for_the_vm_size_as_text()
    {
        await using var server = new FakeMetadataServer(request =>
            request.Target == "/metadata/instance/compute/vmSize?api-version=2017-08-01&format=text" && request.Header("Metadata") == "true"
                ? MetadataReply.Ok("Standard_D2s_v3")
                : MetadataReply.Error(400));

        var result = await CollectAsync("fcos-azure", server, fallback: true);

        ProbeAssert.Collected(result, new Dictionary<string, string>
        {
            ["instance_type"] = "Standard_D2s_v3",
            ["source"] = "metadata-service",
        });
        Assert.HasCount(1, server.Requests);
        Assert.AreEqual("GET", server.Requests[0].Method);
    }

    [TestMethod]
    public async Task Does_not_contact_the_service_unless_turned_on()
    {
        await using var server = new FakeMetadataServer(Aws("t3.medium"));

        var result = await CollectAsync("fcos-aws-no-afterburn", server, fallback: null);

        Assert.AreEqual(ProbeOutcome.NotApplicable, result.Outcome);
        Assert.IsEmpty(server.Requests);
    }

    [TestMethod]
    [DataRow("fcos-metal")]
    [DataRow("fcos-qemu-old-aleph")]
    [DataRow("debian")]
    [DataRow("debian-podman-container")]
    [DataRow("empty")]
    public async Task Never_contacts_the_service_off_aws_gcp_and_azure(string rootName)
    {
        await using var server = new FakeMetadataServer(Aws("t3.medium"));

        var result = await CollectAsync(rootName, server, fallback: true);

        Assert.AreEqual(ProbeOutcome.NotApplicable, result.Outcome);
        Assert.IsEmpty(server.Requests);
    }

    [TestMethod]
    public async Task Prefers_afterburn_and_then_does_not_contact_the_service()
    {
        await using var server = new FakeMetadataServer(Aws("t3.medium"));

        var result = await CollectAsync("fcos-aws", server, fallback: true);

        Assert.AreEqual(FieldValue.FromText("afterburn"), result.Values["source"]);
        Assert.AreEqual(FieldValue.FromText("m5.large"), result.Values["instance_type"]);
        Assert.IsEmpty(server.Requests);
    }

    [TestMethod]
    public async Task Fails_within_the_timeout_when_the_service_hangs()
    {
        const int TimeoutMs = 500;
        await using var server = new FakeMetadataServer(_ => null);

        // The service never answers: only the configured timeout can end the collection (the minute is a hang guard).
        var result = await CollectAsync("fcos-gcp", server, fallback: true, timeoutMs: TimeoutMs).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.AreEqual(ProbeOutcome.Failed, result.Outcome);
        Assert.AreEqual("The metadata service did not answer within the configured timeout.", result.Reason);
    }

    [TestMethod]
    public async Task Fails_when_nothing_listens_at_the_endpoint()
    {
        var closedEndpoint = ClosedLoopbackEndpoint();
        var probe = new InstanceTypeProbe();
        var context = Context(probe, "fcos-azure", closedEndpoint, fallback: true, timeoutMs: 1500);

        var result = await probe.CollectAsync(context, CancellationToken.None);

        Assert.AreEqual(ProbeOutcome.Failed, result.Outcome);
        Assert.AreEqual("The metadata service could not be reached or gave no usable answer.", result.Reason);
    }

    [TestMethod]
    [DataRow(404)]
    [DataRow(500)]
    [DataRow(302)]
    public async Task Fails_when_the_service_answers_with_an_error_status(int status)
    {
        await using var server = new FakeMetadataServer(_ => MetadataReply.Error(status));

        var result = await CollectAsync("fcos-azure", server, fallback: true);

        Assert.AreEqual(ProbeOutcome.Failed, result.Outcome);
        Assert.AreEqual("The metadata service answered with an error status.", result.Reason);
        Assert.HasCount(1, server.Requests);
    }

    [TestMethod]
    public async Task Stops_at_the_token_when_aws_refuses_one()
    {
        await using var server = new FakeMetadataServer(_ => MetadataReply.Error(403));

        var result = await CollectAsync("fcos-aws-no-afterburn", server, fallback: true);

        Assert.AreEqual(ProbeOutcome.Failed, result.Outcome);
        Assert.HasCount(1, server.Requests);
        Assert.AreEqual("/latest/api/token", server.Requests[0].Target);
    }

    [TestMethod]
    [DataRow("<html><body>Captive portal: please log in at 10.1.2.3</body></html>", DisplayName = "an HTML page")]
    [DataRow("", DisplayName = "nothing")]
    public async Task Fails_without_the_answer_when_it_is_not_an_instance_type(string answer)
    {
        await using var server = new FakeMetadataServer(_ => MetadataReply.Ok(answer));

        var result = await CollectAsync("fcos-azure", server, fallback: true);

        Assert.AreEqual(ProbeOutcome.Failed, result.Outcome);
        Assert.AreEqual("The metadata service answered with something that is not an instance type.", result.Reason);
        Assert.IsEmpty(result.Values);
    }

    [TestMethod]
    public async Task Fails_on_an_answer_too_large_to_be_an_instance_type()
    {
        await using var server = new FakeMetadataServer(_ => MetadataReply.Ok(new string('x', 100_000)));

        var result = await CollectAsync("fcos-azure", server, fallback: true);

        Assert.AreEqual(ProbeOutcome.Failed, result.Outcome);
        Assert.AreEqual("The metadata service could not be reached or gave no usable answer.", result.Reason);
    }

    [TestMethod]
    [DataRow("https://169.254.169.254", DisplayName = "https")]
    [DataRow("169.254.169.254", DisplayName = "no scheme")]
    [DataRow("http://user:secret@169.254.169.254", DisplayName = "credentials")]
    public async Task Fails_on_an_endpoint_setting_that_is_not_a_plain_http_url(string endpoint)
    {
        var probe = new InstanceTypeProbe();
        var context = Context(probe, "fcos-gcp", endpoint, fallback: true, timeoutMs: 1500);

        var result = await probe.CollectAsync(context, CancellationToken.None);

        Assert.AreEqual(ProbeOutcome.Failed, result.Outcome);
        Assert.AreEqual("The metadata_endpoint setting is not a plain http URL.", result.Reason);
    }

    [TestMethod]
    public async Task Lets_the_hosts_cancellation_through_instead_of_reporting_a_timeout()
    {
        await using var server = new FakeMetadataServer(_ => null);
        var probe = new InstanceTypeProbe();
        var context = Context(probe, "fcos-gcp", server.Endpoint, fallback: true, timeoutMs: 4000);
        using var hostBudget = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<OperationCanceledException>(() => probe.CollectAsync(context, hostBudget.Token));
    }

    [TestMethod]
    public async Task Logs_nothing_about_the_machine_or_the_service()
    {
        await using var server = new FakeMetadataServer(Aws("t3.medium"));
        var probe = new InstanceTypeProbe();
        var context = Context(probe, "fcos-aws-no-afterburn", server.Endpoint, fallback: true, timeoutMs: 1500);

        await probe.CollectAsync(context, CancellationToken.None);

        CollectionAssert.AreEqual(
            new[] { "debug: Asking the cloud's metadata service for the instance type." },
            context.RecordedLog.Lines.ToArray());
    }

    private static Func<RecordedRequest, MetadataReply?> Aws(string instanceType) => request => (request.Method, request.Target) switch
    {
        ("PUT", "/latest/api/token") when request.Header("X-aws-ec2-metadata-token-ttl-seconds") is not null => MetadataReply.Ok(AwsToken),
        ("GET", "/latest/meta-data/instance-type") when request.Header("X-aws-ec2-metadata-token") == AwsToken => MetadataReply.Ok(instanceType),
        _ => MetadataReply.Error(401),
    };

    private static async Task<ProbeResult> CollectAsync(string rootName, FakeMetadataServer server, bool? fallback, int timeoutMs = 1500)
    {
        var probe = new InstanceTypeProbe();
        var context = Context(probe, rootName, server.Endpoint, fallback, timeoutMs);
        return await probe.CollectAsync(context, CancellationToken.None);
    }

    // fallback: null leaves the setting at its default.
    private static FixtureProbeContext Context(InstanceTypeProbe probe, string rootName, string endpoint, bool? fallback, int timeoutMs)
    {
        var settings = new Dictionary<string, FieldValue>
        {
            ["metadata_endpoint"] = FieldValue.FromText(endpoint),
            ["metadata_timeout_ms"] = FieldValue.FromInteger(timeoutMs),
        };
        if (fallback is { } on)
        {
            settings["metadata_fallback"] = FieldValue.FromBoolean(on);
        }

        return new FixtureProbeContext(FixtureRoots.PathOf(rootName), probe.Descriptor, MetricsLevel.Minimal, settings);
    }

    // A loopback port that was just free: connecting to it is refused.
    private static string ClosedLoopbackEndpoint()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
