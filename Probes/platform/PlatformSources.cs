namespace Pinger.Probes.Platform;

/// <summary>The values of the <c>source</c> field.</summary>
internal static class PlatformSources
{
    public const string Ignition = "ignition";
    public const string Detected = "detected";
    public const string Unknown = "unknown";

    public static IReadOnlyList<string> All { get; } = [Ignition, Detected, Unknown];
}
