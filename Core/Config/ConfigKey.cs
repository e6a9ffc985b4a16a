namespace Pinger.Core.Config;

/// <summary>
/// One key Pinger understands outside the per-probe tables.
/// </summary>
/// <param name="Section">The table it belongs to, e.g. <c>reporting</c>.</param>
/// <param name="Name">The key inside the table.</param>
/// <param name="Kind">The TOML type it takes.</param>
/// <param name="Description">What it does, for <c>check-config</c> and the docs.</param>
/// <param name="Check">Further validation of a value of the right type: an error message and hint, or null when fine.</param>
/// <param name="ReplacedBy">For keys kept from fedora-coreos-pinger: the key to use instead.</param>
public sealed record ConfigKey(
    string Section,
    string Name,
    ConfigValueKind Kind,
    string Description,
    Func<ConfigEntry, (string Message, string Hint)?>? Check = null,
    string? ReplacedBy = null)
{
    /// <summary>The dotted key, e.g. <c>reporting.level</c>.</summary>
    public string Key => Section + "." + Name;
}
