using Pinger.Server.Countme;

namespace Pinger.Server.Storage;

/// <summary>One row of Fedora's weekly totals: a key and its hits.</summary>
public sealed record CountmeTotal(CountmeTotalsKey Key, long Hits);
