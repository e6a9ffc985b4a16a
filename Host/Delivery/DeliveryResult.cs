namespace Pinger.Host.Delivery;

/// <summary>How sending ended.</summary>
public enum DeliveryResult
{
    /// <summary>The server acknowledged the report (2xx): the windows are counted.</summary>
    Accepted,

    /// <summary>
    /// The server refused it (4xx): not retried in this run, not counted; the windows stay due, so the next timer run
    /// (hours later) offers it again, by which time the server may know the probe it lacked.
    /// </summary>
    Refused,

    /// <summary>No answer, a server error or a rate limit: the windows stay due for the next run.</summary>
    Deferred,
}
