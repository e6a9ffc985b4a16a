using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>The admin API's rule: every counter as counted, open windows too. Only the bearer token's holder sees it.</summary>
public sealed class EveryCount : IReleaseRule
{
    /// <inheritdoc/>
    public decimal? Epsilon => null;

    /// <inheritdoc/>
    public TotalsSnapshot Release(TotalsQuery query, TotalsSnapshot counted) => counted;

    /// <inheritdoc/>
    public IReadOnlyList<CountmeTotal> Release(IReadOnlyList<CountmeTotal> counted) => counted;
}
