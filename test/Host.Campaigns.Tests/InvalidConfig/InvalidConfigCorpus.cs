using System.Text;
using Pinger.Host.Campaigns.Tests.Infrastructure;

namespace Pinger.Host.Campaigns.Tests.InvalidConfig;

/// <summary>
/// Invalid configurations, generated from the tables below: syntax errors, unknown sections and keys, wrong types,
/// bad levels and ranges, unknown probe ids, malformed URLs, bad per-probe settings, non-UTF-8 bytes, and drop-ins
/// that replace, mask or duplicate others.
/// </summary>
internal static class InvalidConfigCorpus
{
    public const string Admin = "/etc/pinger/config.d/50-admin.toml";
    public const string Defaults = "/usr/lib/pinger/config.d/10-defaults.toml";

    /// <summary>One admin drop-in each: (name, text, line of the error).</summary>
    private static readonly (string Name, string Text, int Line)[] AdminFiles =
    [
        // Syntax.
        ("bare word as value", "[reporting]\nlevel = full\n", 2),
        ("unterminated string", "[reporting]\nlevel = \"full\n", 2),
        ("unterminated table header", "[reporting\nlevel = \"full\"\n", 1),
        ("key given twice", "[reporting]\nlevel = \"full\"\nlevel = \"off\"\n", 3),
        ("table given twice", "[reporting]\nlevel = \"full\"\n[reporting]\n", 3),
        ("missing equals sign", "[reporting]\nlevel \"full\"\n", 2),
        ("missing key", "[reporting]\n= \"full\"\n", 2),
        ("unterminated literal string after comments", "# admin\n\n[reporting]\nserver = 'https://metrics.example.org/\n", 4),
        ("text after a value", "[reporting]\nlevel = \"full\" please\n", 2),
        ("bad underscore in a number", "[reporting]\ntimeout_seconds = 1__0\n", 2),
        ("unknown escape", "[reporting]\nlevel = \"\\q\"\n", 2),
        ("capitalised boolean", "[reporting]\nthird_party_probes = True\n", 2),
        ("unterminated probe header", "[reporting]\nlevel = \"full\"\n[probes.platform\n", 3),
        ("file ends after a backslash in a string", "[reporting]\nserver = \"https://metrics.example.org/\\", 2),
        ("arrays nested 70 deep", "[reporting]\nlevel = " + new string('[', 70) + new string(']', 70) + "\n", 2),

        // Unknown sections and keys.
        ("misspelt section", "[reportng]\nlevel = \"off\"\n", 1),
        ("misspelt key", "[reporting]\nlevl = \"off\"\n", 2),
        ("known key at the top level", "level = \"off\"\n", 1),
        ("section of another program", "\n[logging]\nverbose = true\n", 2),
        ("key of another program", "[reporting]\nserver_url = \"https://metrics.example.org/\"\n", 2),
        ("sub-table of a section", "[reporting.extra]\nlevel = \"off\"\n", 1),
        ("array of tables", "[[reporting]]\nlevel = \"off\"\n", 1),
        ("unknown key in the legacy section", "[collecting]\nenabled = false\n", 2),
        ("probe setting outside a probe table", "[probes]\nenabled = false\n", 2),

        // Wrong types.
        ("level as a number", "[reporting]\nlevel = 1\n", 2),
        ("server as a boolean", "[reporting]\nserver = true\n", 2),
        ("timeout as a string", "[reporting]\ntimeout_seconds = \"30\"\n", 2),
        ("timeout as a float", "[reporting]\ntimeout_seconds = 30.5\n", 2),
        ("third_party_probes as a string", "[reporting]\nthird_party_probes = \"yes\"\n", 2),
        ("legacy enabled as a string", "[reporting]\nenabled = \"no\"\n", 2),
        ("level as an array", "[reporting]\nlevel = [\"full\"]\n", 2),
        ("level as a date-time", "[reporting]\nlevel = 1979-05-27T07:32:00Z\n", 2),
        ("level as an inline table", "[reporting]\nlevel = { value = \"full\" }\n", 2),
        ("probe switch as a string", "[probes.platform]\nenabled = \"no\"\n", 2),

        // Levels and ranges.
        ("misspelt level", "[reporting]\nlevel = \"fulll\"\n", 2),
        ("empty level", "[reporting]\nlevel = \"\"\n", 2),
        ("unknown legacy level", "[collecting]\nlevel = \"maximal\"\n", 2),
        ("level on", "[reporting]\nlevel = \"on\"\n", 2),
        ("timeout below the range", "[reporting]\ntimeout_seconds = 4\n", 2),
        ("timeout above the range", "[reporting]\ntimeout_seconds = 301\n", 2),
        ("negative timeout", "[reporting]\ntimeout_seconds = -1\n", 2),
        ("zero timeout", "[reporting]\ntimeout_seconds = 0\n", 2),

        // Probe ids.
        ("misspelt probe id", "[probes.platfrom]\nenabled = false\n", 1),
        ("unknown probe id", "[probes.nosuch]\nenabled = true\n", 1),
        ("probe id in capitals", "[probes.PLATFORM]\nenabled = false\n", 1),
        ("unknown probe id in a dotted key", "[probes]\nnosuch.enabled = false\n", 2),

        // Server and proxy URLs.
        ("server not a URL", "[reporting]\nserver = \"not a url\"\n", 2),
        ("server over ftp", "[reporting]\nserver = \"ftp://metrics.example.org/\"\n", 2),
        ("server with credentials", "[reporting]\nserver = \"https://user:pw@metrics.example.org/\"\n", 2),
        ("server over plain http", "[reporting]\nserver = \"http://metrics.example.org/\"\n", 2),
        ("server with a query", "[reporting]\nserver = \"https://metrics.example.org/?q=1\"\n", 2),
        ("server with a fragment", "[reporting]\nserver = \"https://metrics.example.org/#top\"\n", 2),
        ("empty server", "[reporting]\nserver = \"\"\n", 2),
        ("proxy not a URL", "[reporting]\nproxy = \"not a url\"\n", 2),

        // Per-probe settings.
        ("probe timeout as a string", "[probes.instance-type]\nmetadata_timeout_ms = \"1000\"\n", 2),
        ("probe switch setting as a number", "[probes.instance-type]\nmetadata_fallback = 1\n", 2),
        ("probe URL setting as a number", "[probes.instance-type]\nmetadata_endpoint = 169\n", 2),
        ("misspelt probe setting", "[probes.instance-type]\nmetadata_timeout = 1000\n", 2),
        ("setting of a probe that has none", "[probes.platform]\ntimeout_ms = 5\n", 2),
        ("sub-table of a probe table", "[probes.instance-type.metadata]\nfallback = true\n", 1),
    ];

    /// <summary>Bytes that are not UTF-8: (name, bytes, line).</summary>
    private static readonly (string Name, byte[] Bytes, int Line)[] NotUtf8 =
    [
        ("byte 0xFF inside a value", [.. "[reporting]\nlevel = \"f"u8, 0xFF, .. "ll\"\n"u8], 2),
        ("Latin-1 byte in a comment", [.. "[reporting]\n# caf"u8, 0xE9, .. "\nlevel = \"full\"\n"u8], 2),
        ("broken sequence in a table name", [.. "[report"u8, 0xC3, 0x28, .. "ing]\n"u8], 1),
        ("stray continuation byte on the last line", [.. "[reporting]\nlevel = \"full\"\n"u8, 0x80, .. "\n"u8], 3),
    ];

    public static IReadOnlyList<InvalidConfigCase> Cases { get; } = Build();

    private static IReadOnlyList<InvalidConfigCase> Build()
    {
        var cases = new List<InvalidConfigCase>();
        cases.AddRange(AdminFiles.Select(c => new InvalidConfigCase(c.Name, m => m.Write(Admin, Encoding.UTF8.GetBytes(c.Text)), Admin, c.Line)));
        cases.AddRange(NotUtf8.Select(c => new InvalidConfigCase("not UTF-8: " + c.Name, m => m.Write(Admin, c.Bytes), Admin, c.Line)));

        // Drop-ins over drop-ins: the file that is read is the one named, never the one it replaced or masked.
        const string Broken = "[reporting]\nlevel = \"sometimes\"\n";
        cases.Add(new("an admin file replacing the distribution's by name", m => m.Write("/etc/pinger/config.d/10-defaults.toml", Encoding.UTF8.GetBytes("# replaced\n" + Broken)),
            "/etc/pinger/config.d/10-defaults.toml", 3, NotNamed: Defaults));
        cases.Add(new("a runtime file replaced by a broken admin file of the same name",
            m => m.Write("/run/pinger/config.d/40-boot.toml", "[reporting]\nlevel = \"full\"\n"u8.ToArray()).Write("/etc/pinger/config.d/40-boot.toml", Encoding.UTF8.GetBytes(Broken)),
            "/etc/pinger/config.d/40-boot.toml", 2, NotNamed: "/run/pinger/config.d/40-boot.toml"));
        cases.Add(new("a broken runtime drop-in", m => m.Write("/run/pinger/config.d/40-boot.toml", Encoding.UTF8.GetBytes("\n\n" + Broken)),
            "/run/pinger/config.d/40-boot.toml", 4));
        cases.Add(new("a broken drop-in beside a masked one",
            m => m.Link("/etc/pinger/config.d/10-defaults.toml", "/dev/null").Write("/etc/pinger/config.d/60-late.toml", Encoding.UTF8.GetBytes(Broken)),
            "/etc/pinger/config.d/60-late.toml", 2));
        cases.Add(new("a masked broken file does not hide a broken admin file",
            m => m.Write("/usr/lib/pinger/config.d/20-vendor.toml", "[vendr]\n"u8.ToArray()).Link("/etc/pinger/config.d/20-vendor.toml", "/dev/null")
                .Write(Admin, Encoding.UTF8.GetBytes("[reporting]\n\nlevel = 3\n")),
            Admin, 3, NotNamed: "/usr/lib/pinger/config.d/20-vendor.toml"));
        cases.Add(new("the same drop-in twice in one directory's file", m => m.Write(Admin, Encoding.UTF8.GetBytes("[reporting]\nlevel = \"full\"\n\n[reporting]\nlevel = \"full\"\n")), Admin, 4));
        cases.Add(new("a drop-in that is a symbolic link loop",
            m => m.Link(Admin, m.HostPath("/etc/pinger/loop.toml")).Link("/etc/pinger/loop.toml", m.HostPath(Admin)), Admin, 1));
        cases.Add(new("a drop-in linked to a file that does not exist", m => m.Link(Admin, "/etc/pinger/removed.toml"), Admin, 1));
        return cases;
    }

    /// <summary>The distribution's own default, valid, naming the loopback server so that any report would reach it.</summary>
    public static void WriteDefaults(Machine machine, Uri server) =>
        machine.Write(Defaults, Encoding.UTF8.GetBytes($"[reporting]\nlevel = \"minimal\"\nserver = \"{server}\"\ntimeout_seconds = 5\n"));
}
