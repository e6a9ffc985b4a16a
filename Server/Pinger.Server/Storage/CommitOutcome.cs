namespace Pinger.Server.Storage;

/// <summary>What a commit did, for the metrics.</summary>
/// <param name="Counted">Report-windows counted.</param>
/// <param name="Duplicates">Report-windows skipped because their nonce was already seen there.</param>
public sealed record CommitOutcome(int Counted, int Duplicates);
