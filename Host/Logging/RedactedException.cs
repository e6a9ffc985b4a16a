using Pinger.Configuration;

namespace Pinger.Host.Logging;

/// <summary>Stands for an exception in a log event: the same text, message and stack, with URL credentials hidden.</summary>
public sealed class RedactedException(Exception original) : Exception(CredentialRedactor.Redact(original.Message))
{
    /// <summary>The original's full text (type, message, inner exceptions, stack), redacted.</summary>
    public override string ToString() => CredentialRedactor.Redact(original.ToString());
}
