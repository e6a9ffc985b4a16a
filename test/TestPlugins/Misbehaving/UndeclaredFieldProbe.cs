using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.Misbehaving;

/// <summary>Emits a field it never declared, next to a declared one.</summary>
public sealed class UndeclaredFieldProbe : IProbe
{
    public ProbeDescriptor Descriptor { get; } = Declarations.Minimal("undeclared-field");

    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ProbeResult.Collected(new FieldValues().Set("answer", "no").Set("hostname", "secret-host-name")));
}
