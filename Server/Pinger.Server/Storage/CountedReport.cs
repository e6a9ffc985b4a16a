using Pinger.Protocol.Windows;

namespace Pinger.Server.Storage;

/// <summary>
/// What a valid report adds to the counters, and nothing more: the raw report, the client's address and its
/// headers are never part of it, so storage cannot keep them.
/// </summary>
/// <param name="Nonce">The report's random nonce: a retry carries the same one and is counted once per window.</param>
/// <param name="Windows">The windows it counts for.</param>
/// <param name="Values">The field values it counts, once each.</param>
/// <param name="System">Its countme tuple.</param>
public sealed record CountedReport(string Nonce, IReadOnlyList<CountingWindow> Windows, IReadOnlyList<CountedValue> Values, SystemTuple System);
