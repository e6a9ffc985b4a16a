using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.Misbehaving;

/// <summary>Prints to standard output, which must not reach the report.</summary>
public sealed class StdoutWritingProbe : IProbe
{
    public ProbeDescriptor Descriptor { get; } = Declarations.Minimal("stdout-writing");

    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        Console.WriteLine("PLUGIN-WROTE-THIS-TO-STDOUT");
        Console.Out.Flush();
        return Task.FromResult(ProbeResult.Collected(new FieldValues().Set("answer", "yes")));
    }
}
