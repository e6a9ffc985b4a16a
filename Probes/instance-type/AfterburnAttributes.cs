using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Parsing;

namespace Pinger.Probes.InstanceType;

/// <summary>
/// The attributes Afterburn writes to <c>/run/metadata/afterburn</c>. Only the instance type key is read; the file
/// also holds host names, addresses and instance ids, which never leave this class.
/// </summary>
internal static class AfterburnAttributes
{
    private const string GcpKey = "AFTERBURN_GCP_MACHINE_TYPE";

    /// <summary>What is reported for private-cloud flavours, whose names the operator chooses.</summary>
    public const string OperatorDefined = "operator-defined";

    // OpenStack flavours, CloudStack offerings and KubeVirt instance types are named by whoever runs the cloud:
    // a name like "acme-gpu-large" would point at one organisation, so only the fact that there is one is sent.
    private static readonly HashSet<string> OperatorNamedKeys =
    [
        "AFTERBURN_OPENSTACK_INSTANCE_TYPE",
        "AFTERBURN_CLOUDSTACK_SERVICE_OFFERING",
        "AFTERBURN_KUBEVIRT_INSTANCE_TYPE",
    ];

    // One key per cloud that has a notion of instance type; Afterburn writes only its own cloud's keys.
    private static readonly string[] TypeKeys =
    [
        "AFTERBURN_AWS_INSTANCE_TYPE",
        "AFTERBURN_AZURE_VMSIZE",
        GcpKey,
        "AFTERBURN_OPENSTACK_INSTANCE_TYPE",
        "AFTERBURN_ALIYUN_INSTANCE_TYPE",
        "AFTERBURN_AKAMAI_INSTANCE_TYPE",
        "AFTERBURN_KUBEVIRT_INSTANCE_TYPE",
        "AFTERBURN_SCALEWAY_INSTANCE_TYPE",
        "AFTERBURN_ORACLECLOUD_INSTANCE_SHAPE",
        "AFTERBURN_PACKET_PLAN",
        "AFTERBURN_EXOSCALE_SERVICE_OFFERING",
        "AFTERBURN_CLOUDSTACK_SERVICE_OFFERING",
    ];

    /// <summary>The recorded instance type, or null when Afterburn did not run or its cloud has none.</summary>
    public static string? ReadInstanceType(IMachineFiles files)
    {
        var text = files.ReadText("/run/metadata/afterburn");
        if (text is null)
        {
            return null;
        }

        var attributes = KeyValueFile.Parse(text);
        foreach (var key in TypeKeys)
        {
            if (attributes.TryGetValue(key, out var value) && value.Trim() is { Length: > 0 } type)
            {
                return key == GcpKey ? MachineTypePath.LastSegment(type) : OperatorNamedKeys.Contains(key) ? OperatorDefined : type;
            }
        }

        return null;
    }
}
