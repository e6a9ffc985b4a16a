namespace Pinger.Server.Registry;

/// <summary>The server cannot start counting: its field registry is empty or cannot be read, so every report would be refused.</summary>
public sealed class NoFieldRegistryException : Exception
{
    /// <summary>An exception with no message.</summary>
    public NoFieldRegistryException()
    {
    }

    /// <summary>An exception saying what is wrong.</summary>
    public NoFieldRegistryException(string message)
        : base(message)
    {
    }

    /// <summary>An exception saying what is wrong, caused by <paramref name="inner"/>.</summary>
    public NoFieldRegistryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
