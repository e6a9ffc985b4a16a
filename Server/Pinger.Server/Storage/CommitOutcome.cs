namespace Pinger.Server.Storage;

/// <summary>What a commit did, for the metrics.</summary>
/// <param name="Counted">Report-windows counted.</param>
/// <param name="Duplicates">Report-windows skipped because their nonce was already seen there.</param>
/// <param name="OverCap">Values not stored because their field already kept its declared number of distinct values in that window.</param>
public sealed record CommitOutcome(int Counted, int Duplicates, int OverCap = 0);
