using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Pinger.Server.Tests.Countme;

/// <summary>
/// Writes access logs full of the cases where a countme importer can go wrong: User-Agents of every shape,
/// repeated hits (a NAT address, GET and HEAD, 200 and 302, the same log plain and compressed, overlapping
/// rotated logs), ages of every spelling, week edges, line ends and compressions. Seeded, so a failure repeats.
/// </summary>
internal sealed class EdgeCaseLogs(string folder, int seed = 2614)
{
    /// <summary>Monday 2021-03-01 00:00:00 UTC (week 2669), the start of the generated logs.</summary>
    public static readonly DateTimeOffset Start = new(2021, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly string[] Agents =
    [
        "libdnf (Fedora 33; workstation; Linux.x86_64)",
        "libdnf/0.48.0 (Fedora 33; workstation; Linux.x86_64)",
        "rpm-ostree (Fedora Linux 39; coreos; Linux.aarch64)",
        "libdnf (Fedora Linux 40; container; Linux.x86_64)",
        "libdnf (Red Hat Enterprise Linux 8.3; ; Linux.x86_64)",
        "libdnf",
        "dnf/4.14.0",
        "PackageKit",
        "-",
        "libdnf5 (Fedora Linux 41; workstation; Linux.x86_64)",
        "libdnf (Fedora 33;  workstation; Linux.x86_64)",
        "libdnf (Fedora 33; Workstation; Linux.x86_64)",
        "libdnf (Fedora 33; workstation; Linux.x86_64) ",
        "libdnf (Fedora 33; wörkstation; Linux.x86_64)",
        "libdnf (Fedora 33; workstation; Linux.x86_64é)",
        "libdnf (Fedora 33; workstation; Linux.x86-64)",
        "libdnf (Ubuntu 22.04; ; Linux.x86_64)",
        "Mozilla/5.0 (X11; Linux x86_64)",
        "",
        "libdnf (Fedora 33; workstation; Linux.x86_64) \"quoted\"",
    ];

    public static readonly string[] Ages = ["1", "2", "3", "4", "0", "-1", "-7", "01", "1_0", "+2", "%2B3", "+4", "%201%20", "\u0663", "%D9%A3", "%EF%BC%93", "5", "123456789012", "1%00", "1.0", "x", "1__0", "_1", "1_", "%09" + "2", "-0"];

    public static readonly string[] Repos = ["fedora-33", "updates-released-f33", "fedora-coreos-pool", "epel-8", "a+b", "fedora%2D33", ""];

    private readonly Random _random = new(seed);
    private int _address;

    /// <summary>One Combined Log Format line; every part replaceable.</summary>
    public static string Line(string address, DateTimeOffset time, string query, string agent = "libdnf (Fedora 33; workstation; Linux.x86_64)",
        string method = "GET", string path = "/metalink", string status = "200", string offset = "+0000")
    {
        var local = time.ToOffset(ParseOffset(offset));
        var stamp = local.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture) + " " + offset;
        return $"{address} - - [{stamp}] \"{method} {path}?{query} HTTP/1.1\" {status} 1234 \"-\" \"{agent}\"";
    }

    public static string Query(string age, string repo = "fedora-33", string arch = "x86_64") => $"repo={repo}&arch={arch}&countme={age}";

    /// <summary>A fresh address (IPv4 or IPv6), never a real client's.</summary>
    public string Address() => ++_address % 3 == 0
        ? "2001:db8::" + _address.ToString("x", CultureInfo.InvariantCulture)
        : "198.51.100." + (_address % 250).ToString(CultureInfo.InvariantCulture) + "." + (_address / 250).ToString(CultureInfo.InvariantCulture);

    /// <summary>A mixed log of <paramref name="count"/> lines over <paramref name="days"/> days from <see cref="Start"/>,
    /// time-ordered like a real log, with every agent, age and repo above, other requests, and repeats.</summary>
    public List<string> Mixed(int count, int days)
    {
        var lines = new List<string>(count);
        var span = days * 86400;
        var seconds = Enumerable.Range(0, count).Select(_ => _random.Next(span)).Order().ToArray();
        string? previous = null;
        foreach (var second in seconds)
        {
            var time = Start.AddSeconds(second);
            var roll = _random.Next(100);
            string line;
            if (roll < 5 && previous is not null)
            {
                line = previous; // the same hit again
            }
            else if (roll < 15)
            {
                line = Line(Address(), time, "repo=fedora-33&arch=x86_64", Pick(Agents));
            }
            else if (roll < 20)
            {
                line = Line(Address(), time, Query("1"), path: Pick(["/index.html", "/metalink", "/mirrorlist"]), method: Pick(["GET", "POST", "HEAD"]), status: Pick(["200", "302", "304", "404"]));
            }
            else
            {
                line = Line(Address(), time, Query(Pick(Ages), Pick(Repos), Pick(["x86_64", "aarch64", "", "s390x"])), Pick(Agents),
                    method: Pick(["GET", "GET", "HEAD"]), path: Pick(["/metalink", "/metalink", "/mirrorlist"]), status: Pick(["200", "200", "302"]),
                    offset: Pick(["+0000", "+0000", "-0400", "+0530", "+1400", "-1200"]));
            }

            lines.Add(line);
            previous = line;
        }

        return lines;
    }

    private T Pick<T>(T[] choices) => choices[_random.Next(choices.Length)];

    public string Write(string name, IEnumerable<string> lines, string lineEnd = "\n") => WriteBytes(name, Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + lineEnd))));

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    private static TimeSpan ParseOffset(string offset)
    {
        var minutes = (int.Parse(offset.AsSpan(1, 2), CultureInfo.InvariantCulture) * 60) + int.Parse(offset.AsSpan(3, 2), CultureInfo.InvariantCulture);
        return TimeSpan.FromMinutes(offset[0] == '-' ? -minutes : minutes);
    }
}
