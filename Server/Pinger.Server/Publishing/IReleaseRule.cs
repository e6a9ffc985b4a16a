using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>
/// What of the counted figures may be shown: the one place a publication rule lives. <see cref="TotalsRelease"/>
/// passes every answer it reads through its rule before any output sees it, so replacing k-suppression (for
/// instance by noisy figures computed once per closed window and kept) means replacing this object, nothing else.
/// </summary>
public interface IReleaseRule
{
    /// <summary>The k below which counts are withheld, as the outputs state it; null when nothing is withheld.</summary>
    long? MinCount { get; }

    /// <summary>What may be shown of the counters <paramref name="counted"/>, read together in one transaction.</summary>
    TotalsSnapshot Release(TotalsSnapshot counted);

    /// <summary>What may be shown of the weekly countme totals <paramref name="counted"/>.</summary>
    IReadOnlyList<CountmeTotal> Release(IReadOnlyList<CountmeTotal> counted);
}
