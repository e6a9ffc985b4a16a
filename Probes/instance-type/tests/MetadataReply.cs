namespace Pinger.Probes.InstanceType.Tests;

/// <summary>What the fake metadata server answers; a null reply from the script means "never answer".</summary>
internal sealed record MetadataReply(int Status, string Body)
{
    public static MetadataReply Ok(string body) => new(200, body);

    public static MetadataReply Error(int status) => new(status, string.Empty);
}
