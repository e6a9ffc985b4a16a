namespace Pinger.Configuration;

/// <summary>
/// One key a program accepts in its config drop-ins, outside the per-probe tables.
/// </summary>
/// <param name="Section">The table it belongs to, e.g. <c>reporting</c>.</param>
/// <param name="Name">The key inside the table.</param>
/// <param name="Kind">The TOML type it takes.</param>
/// <param name="Description">What it does, for <c>check-config</c> and the docs.</param>
/// <param name="Check">Further validation of a value of the right type: an error message and hint, or null when fine.</param>
/// <param name="ReplacedBy">For keys kept from older programs: what to write instead (shown as a hint).</param>
/// <param name="MergesInto">For an old spelling of a key: that key; the two are one setting and the later file wins.</param>
public sealed record ConfigKey(
    string Section,
    string Name,
    ConfigValueKind Kind,
    string Description,
    Func<ConfigEntry, (string Message, string Hint)?>? Check = null,
    string? ReplacedBy = null,
    string? MergesInto = null)
{
    /// <summary>The dotted key, e.g. <c>reporting.level</c>.</summary>
    public string Key => Section + "." + Name;
}
