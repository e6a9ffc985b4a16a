namespace Pinger.Server.Storage;

/// <summary>The storage could not commit or read: clients get 503 and retry later.</summary>
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Wraps the back end's error.</summary>
    public StorageUnavailableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>For serializers.</summary>
    public StorageUnavailableException()
    {
    }

    /// <summary>For serializers.</summary>
    public StorageUnavailableException(string message)
        : base(message)
    {
    }
}
