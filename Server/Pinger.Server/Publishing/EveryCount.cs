using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>The admin API's rule: every counter as counted, nothing withheld. Only the bearer token's holder sees it.</summary>
public sealed class EveryCount : IReleaseRule
{
    /// <inheritdoc/>
    public long? MinCount => null;

    /// <inheritdoc/>
    public TotalsSnapshot Release(TotalsSnapshot counted) => counted;

    /// <inheritdoc/>
    public IReadOnlyList<CountmeTotal> Release(IReadOnlyList<CountmeTotal> counted) => counted;
}
