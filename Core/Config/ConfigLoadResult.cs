using Pinger.Configuration;

namespace Pinger.Core.Config;

/// <summary>The outcome of loading the configuration: the effective config when valid, and every diagnostic.</summary>
/// <param name="Config">Null when any error was found: nothing may be collected or sent.</param>
/// <param name="Diagnostics">Errors and warnings, all of them, in file order.</param>
public sealed record ConfigLoadResult(EffectiveConfig? Config, IReadOnlyList<ConfigDiagnostic> Diagnostics)
{
    /// <summary>Whether the configuration can be used.</summary>
    public bool IsValid => Config is not null;

    /// <summary>The errors only.</summary>
    public IEnumerable<ConfigDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
}
