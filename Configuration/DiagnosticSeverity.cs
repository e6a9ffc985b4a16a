namespace Pinger.Configuration;

/// <summary>Whether a config diagnostic stops Pinger or only informs.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The configuration is invalid: nothing is collected or sent.</summary>
    Error,

    /// <summary>The configuration works but something deserves the admin's attention.</summary>
    Warning,

    /// <summary>Something the admin may want to know (a file masked or replaced); shown by <c>check-config</c> only.</summary>
    Note,
}
