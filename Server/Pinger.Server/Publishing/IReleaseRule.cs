using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>
/// What of the counted figures may be shown: the one place a publication rule lives. <see cref="TotalsRelease"/>
/// passes every answer it reads through its rule before any output sees it.
/// </summary>
public interface IReleaseRule
{
    /// <summary>The per-window ε the figures are released under, as the outputs state it; null when they are exact.</summary>
    decimal? Epsilon { get; }

    /// <summary>What may be shown for <paramref name="query"/>, given the counters <paramref name="counted"/> it matched.</summary>
    TotalsSnapshot Release(TotalsQuery query, TotalsSnapshot counted);

    /// <summary>What may be shown of the weekly countme totals <paramref name="counted"/>.</summary>
    IReadOnlyList<CountmeTotal> Release(IReadOnlyList<CountmeTotal> counted);
}
