namespace Pinger.Probes.InstanceType;

/// <summary>The clouds whose metadata service the fallback may ask, by Ignition platform id.</summary>
internal static class MetadataClouds
{
    /// <summary>The cloud for <paramref name="platformId"/>, or null: never a guess, so metal and the rest are never contacted.</summary>
    public static ICloudMetadata? ForPlatform(string? platformId) => platformId switch
    {
        "aws" => new AwsInstanceMetadata(),
        "gcp" => new GcpInstanceMetadata(),
        "azure" => new AzureInstanceMetadata(),
        _ => null,
    };
}
