namespace Pinger.Server.Dashboard;

/// <summary>What the over-time charts stack their bars by.</summary>
public enum Breakdown
{
    /// <summary>The OS release (<c>os-versions.version_id</c>; countme rows: OS name and version).</summary>
    Version,

    /// <summary>The edition (<c>os-versions.variant_id</c>; countme rows: <c>os_variant</c>).</summary>
    Variant,

    /// <summary>The Fedora CoreOS update stream (reports only: countme totals carry none).</summary>
    Stream,

    /// <summary>The platform (<c>platform.id</c>; reports only: countme totals carry none).</summary>
    Platform,

    /// <summary>Countme's age bucket.</summary>
    Age,
}
