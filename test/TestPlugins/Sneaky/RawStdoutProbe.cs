using System.Text;
using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.Sneaky;

/// <summary>Writes to the process's standard output file descriptor directly, past Console.Out.</summary>
public sealed class RawStdoutProbe : IProbe
{
    public ProbeDescriptor Descriptor { get; } = new(
        "raw-stdout",
        "Test probe that writes to file descriptor 1.",
        MetricsLevel.Minimal,
        enabledByDefault: true,
        TimeSpan.FromSeconds(2),
        [FieldDeclaration.OneOf("answer", MetricsLevel.Minimal, "A fixed answer.", ["yes"], "fixed set")]);

    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        using (var stdout = Console.OpenStandardOutput())
        {
            stdout.Write(Encoding.UTF8.GetBytes("PLUGIN-WROTE-TO-FD-1\n"));
            stdout.Flush();
        }

        return Task.FromResult(ProbeResult.Collected(new FieldValues().Set("answer", "yes")));
    }
}
