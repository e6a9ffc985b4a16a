namespace Pinger.Probes.InstanceType;

/// <summary>What asking the metadata service gave: the type, or a fixed sentence saying why not.</summary>
internal sealed record MetadataAnswer(string? InstanceType, string? FailureReason)
{
    public static MetadataAnswer Found(string instanceType) => new(instanceType, null);

    public static MetadataAnswer Failed(string reason) => new(null, reason);
}
