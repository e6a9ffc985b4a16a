using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Hardware;

/// <summary>
/// Maps the DMI maker string to a short allow-list. Only <c>sys_vendor</c> and <c>board_vendor</c> are read;
/// the board's maker stands in when the system's is an unfilled placeholder, as on self-built servers.
/// </summary>
internal static class SystemVendors
{
    public const string Other = "other";

    // Prefixes of the maker string lower-cased with everything but letters and digits removed; first match wins,
    // so "hewlettpackardenterprise" is tried before "hewlettpackard" and "hpe" before "hp".
    private static readonly (string Prefix, string Token)[] Makers =
    [
        ("dell", "dell"), ("hewlettpackardenterprise", "hpe"), ("hpe", "hpe"), ("hewlettpackard", "hp"), ("hp", "hp"),
        ("lenovo", "lenovo"), ("supermicro", "supermicro"), ("asustek", "asus"), ("asus", "asus"), ("asrock", "asrock"),
        ("acer", "acer"), ("microstar", "msi"), ("msi", "msi"), ("gigabyte", "gigabyte"), ("intel", "intel"),
        ("fujitsu", "fujitsu"), ("cisco", "cisco"), ("huawei", "huawei"), ("inspur", "inspur"), ("apple", "apple"),
        ("microsoft", "microsoft"), ("framework", "framework"), ("system76", "system76"), ("quanta", "quanta"),
        ("wiwynn", "wiwynn"), ("tyan", "tyan"), ("samsung", "samsung"), ("toshiba", "toshiba"), ("dynabook", "toshiba"),
        ("google", "google"), ("ibm", "ibm"),
    ];

    public static IReadOnlyList<string> Tokens { get; } = Makers.Select(m => m.Token).Distinct().Append(Other).ToArray();

    /// <summary>A maker token, "other", or null when neither DMI file can be read or says anything.</summary>
    public static string? Detect(IMachineFiles files)
    {
        var system = Normalise(files.ReadText("/sys/class/dmi/id/sys_vendor"));
        var fromSystem = Match(system);
        if (fromSystem is not null)
        {
            return fromSystem;
        }

        var board = Normalise(files.ReadText("/sys/class/dmi/id/board_vendor"));
        return Match(board) ?? (system.Length > 0 || board.Length > 0 ? Other : null);
    }

    private static string? Match(string normalised) =>
        normalised.Length == 0 ? null : Makers.FirstOrDefault(m => normalised.StartsWith(m.Prefix, StringComparison.Ordinal)).Token;

    private static string Normalise(string? dmiValue) =>
        new((dmiValue ?? string.Empty).ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}
