namespace Pinger.Plugins.Sdk;

/// <summary>How an <see cref="IntegerValues"/> set is built, as the schema file names it.</summary>
public enum IntegerValuesKind
{
    /// <summary>An explicit list of bucket floors.</summary>
    Floors,

    /// <summary>The powers of two between two bounds, optionally with 0.</summary>
    PowersOfTwo,

    /// <summary>Every whole number between two bounds.</summary>
    Range,
}
