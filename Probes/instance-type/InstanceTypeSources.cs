namespace Pinger.Probes.InstanceType;

/// <summary>The values of the <c>source</c> field.</summary>
internal static class InstanceTypeSources
{
    public const string Afterburn = "afterburn";
    public const string MetadataService = "metadata-service";
}
