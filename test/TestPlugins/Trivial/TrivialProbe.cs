using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.Trivial;

/// <summary>
/// Answers "yes" at once. Its id is the name of the plugin directory it is installed in, so that copies of one
/// build can be installed side by side as distinct probes (the plugin-count benchmark installs twenty).
/// </summary>
public sealed class TrivialProbe : IProbe
{
    public TrivialProbe()
    {
        var directory = Path.GetFileName(Path.GetDirectoryName(typeof(TrivialProbe).Assembly.Location)) ?? "trivial";
        Descriptor = new ProbeDescriptor(
            ProbeDescriptor.IsValidName(directory) ? directory : "trivial",
            "A trivial probe for benchmarks.",
            MetricsLevel.Minimal,
            enabledByDefault: true,
            TimeSpan.FromSeconds(1),
            [FieldDeclaration.OneOf("answer", MetricsLevel.Minimal, "A fixed answer.", ["yes"], "fixed set")]);
    }

    public ProbeDescriptor Descriptor { get; }

    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ProbeResult.Collected(new FieldValues().Set("answer", "yes")));
}
