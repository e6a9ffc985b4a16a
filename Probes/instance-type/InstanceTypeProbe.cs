using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Detection;

namespace Pinger.Probes.InstanceType;

/// <summary>
/// Reports the cloud instance type (such as m5.large) from the attributes Afterburn wrote at boot. On AWS, GCP and
/// Azure it can instead ask the cloud's metadata service, but only when the admin turned that on.
/// </summary>
public sealed class InstanceTypeProbe : IProbe
{
    private const string FallbackSetting = "metadata_fallback";
    private const string TimeoutSetting = "metadata_timeout_ms";
    private const string EndpointSetting = "metadata_endpoint";

    private static readonly FieldDeclaration InstanceTypeField = FieldDeclaration.Matching(
        "instance_type",
        MetricsLevel.Minimal,
        "The cloud's name for the machine size, such as m5.large, n2-standard-4 or Standard_D2s_v3.",
        @"\A[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}\z",
        64,
        1000,
        "only the type's own name (GCP's project path is cut off); on OpenStack, CloudStack and KubeVirt, whose flavour names the operator chooses, \"operator-defined\"; a value not matching the pattern is not sent");

    private static readonly FieldDeclaration SourceField = FieldDeclaration.OneOf(
        "source",
        MetricsLevel.Minimal,
        "Where the type came from: Afterburn's attributes file, or the cloud's metadata service (opt-in).",
        [InstanceTypeSources.Afterburn, InstanceTypeSources.MetadataService],
        "one of a fixed list");

    /// <inheritdoc />
    public ProbeDescriptor Descriptor { get; } = new(
        "instance-type",
        "The cloud instance type, on clouds that have one.",
        MetricsLevel.Minimal,
        enabledByDefault: true,
        TimeSpan.FromSeconds(5),
        [InstanceTypeField, SourceField],
        [
            SettingDeclaration.Boolean(
                FallbackSetting,
                false,
                "Ask the cloud's metadata service when Afterburn recorded no type. Only on AWS, GCP and Azure, as named by ignition.platform.id."),
            SettingDeclaration.Integer(
                TimeoutSetting,
                1500,
                $"How long to wait for the metadata service, in milliseconds ({MetadataServiceQuery.ShortestTimeoutMs} to {MetadataServiceQuery.LongestTimeoutMs}).",
                MetadataServiceQuery.ShortestTimeoutMs,
                MetadataServiceQuery.LongestTimeoutMs),
            SettingDeclaration.Url(
                EndpointSetting,
                "http://169.254.169.254",
                "The metadata service's base URL (plain http); only worth changing for tests or a metadata proxy.",
                "http"),
        ]);

    /// <inheritdoc />
    public async Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        if (AfterburnAttributes.ReadInstanceType(context.Files) is { } recorded)
        {
            return Report(recorded, InstanceTypeSources.Afterburn, "The instance type Afterburn recorded does not have the expected form.");
        }

        var cloud = MetadataClouds.ForPlatform(IgnitionPlatformId.Read(context.Files));
        if (cloud is null)
        {
            return ProbeResult.NotApplicable("No instance type is recorded, and this platform has no metadata service to ask.");
        }

        if (!context.Settings.GetBoolean(FallbackSetting))
        {
            return ProbeResult.NotApplicable("No instance type is recorded, and asking the metadata service is turned off.");
        }

        var query = new MetadataServiceQuery(context.Settings.GetText(EndpointSetting), context.Settings.GetInteger(TimeoutSetting));
        context.Log.Debug("Asking the cloud's metadata service for the instance type.");
        var answer = await query.FetchInstanceTypeAsync(cloud, cancellationToken).ConfigureAwait(false);
        return answer.InstanceType is { } fetched
            ? Report(fetched, InstanceTypeSources.MetadataService, "The metadata service answered with something that is not an instance type.")
            : ProbeResult.Failed(answer.FailureReason!);
    }

    private static ProbeResult Report(string instanceType, string source, string rejectedReason)
    {
        var values = new FieldValues();
        return values.SetIfAccepted(InstanceTypeField, instanceType)
            ? ProbeResult.Collected(values.Set(SourceField.Name, source))
            : ProbeResult.Failed(rejectedReason);
    }
}
