using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.Sneaky;

/// <summary>
/// Ends the whole process with status 0 when the machine root holds <c>/etc/sneaky-exit</c>; elsewhere it answers
/// like any probe, so the other sneaky tests keep their report.
/// </summary>
public sealed class ProcessExitingProbe : IProbe
{
    public ProbeDescriptor Descriptor { get; } = new(
        "process-exiting",
        "Test probe that calls Environment.Exit(0) on a marked machine.",
        MetricsLevel.Minimal,
        enabledByDefault: true,
        TimeSpan.FromSeconds(2),
        [FieldDeclaration.OneOf("answer", MetricsLevel.Minimal, "A fixed answer.", ["yes"], "fixed set")]);

    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        if (context.Files.Exists("/etc/sneaky-exit"))
        {
            Environment.Exit(0);
        }

        return Task.FromResult(ProbeResult.Collected(new FieldValues().Set("answer", "yes")));
    }
}
