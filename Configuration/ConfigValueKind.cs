namespace Pinger.Configuration;

/// <summary>The TOML type of a value, as named in error messages.</summary>
public enum ConfigValueKind
{
    /// <summary>A TOML string.</summary>
    String,

    /// <summary>A TOML integer.</summary>
    Integer,

    /// <summary>A TOML float.</summary>
    Float,

    /// <summary>A TOML boolean.</summary>
    Boolean,

    /// <summary>A TOML date, time or date-time.</summary>
    DateTime,

    /// <summary>A TOML array.</summary>
    Array,
}
