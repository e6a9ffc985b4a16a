namespace Pinger.Server.Campaigns.Tests.BadInput;

/// <summary>
/// One bad request of the corpus: its raw bytes, how they are sent, and the answers that are right for it
/// (0 standing for "the server cut the connection without an answer").
/// </summary>
internal sealed record BadInputCase(string Family, string Name, byte[] Request, int[] Expected)
{
    /// <summary>Bytes sent at once before the rest is trickled (slow cases only).</summary>
    public int SendAtOnce { get; init; } = int.MaxValue;

    /// <summary>The pause before each trickled byte; <see cref="Timeout.InfiniteTimeSpan"/> stalls.</summary>
    public TimeSpan Trickle { get; init; }

    /// <summary>Shut down the sending side after the last byte, as a client that gave up early.</summary>
    public bool HalfClose { get; init; }

    /// <summary>About how long the server takes to answer or cut the connection (its own timeouts); the exchange waits 30 s more as a hang guard.</summary>
    public TimeSpan Within { get; init; } = TimeSpan.FromSeconds(15);

    public bool Slow => SendAtOnce != int.MaxValue;

    public override string ToString() => $"{Family}: {Name}";
}
