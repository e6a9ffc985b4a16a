namespace Pinger.Configuration;

/// <summary>Where in a config file something was written; lines and columns count from 1.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
