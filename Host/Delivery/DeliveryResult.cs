namespace Pinger.Host.Delivery;

/// <summary>How sending ended.</summary>
public enum DeliveryResult
{
    /// <summary>The server acknowledged the report (2xx): the windows are counted.</summary>
    Accepted,

    /// <summary>The server refused it for good (4xx): it is dropped for these windows, without retry storms.</summary>
    Refused,

    /// <summary>No answer, a server error or a rate limit: the windows stay due for the next run.</summary>
    Deferred,
}
