using System.IO.Compression;
using System.Text;

namespace CountmeImportBench;

/// <summary>
/// Writes a Combined Log Format file that looks like a Fedora mirrorlist proxy's: mostly metalink requests,
/// some with countme, a mix of libdnf, rpm-ostree, browser and tool User-Agents, odd statuses and methods.
/// Seeded, so every run of a size writes the same bytes.
/// </summary>
internal static class SyntheticAccessLog
{
    private static readonly string[] Agents =
    [
        "libdnf (Fedora 33; workstation; Linux.x86_64)",
        "libdnf (Fedora 32; server; Linux.x86_64)",
        "libdnf (Fedora Linux 39; container; Linux.aarch64)",
        "libdnf (CentOS Linux 8; generic; Linux.x86_64)",
        "libdnf (Red Hat Enterprise Linux 8.3; generic; Linux.x86_64)",
        "libdnf/0.35.5 (Fedora 32; workstation; Linux.x86_64)",
        "rpm-ostree (Fedora 33; coreos; Linux.x86_64)",
        "rpm-ostree (Fedora Linux 40; silverblue; Linux.x86_64)",
        "libdnf",
        "dnf/4.2.23",
        "curl/7.71.1",
        "Mozilla/5.0 (X11; Fedora; Linux x86_64; rv:84.0) Gecko/20100101 Firefox/84.0",
        "urlgrabber/3.10.2 yum/3.4.3",
    ];

    private static readonly string[] Repos =
    [
        "fedora-33", "updates-released-f33", "fedora-modular-33", "updates-released-modular-f33",
        "epel-8", "epel-modular-8", "fedora-32", "updates-released-f32", "fedora-coreos-pool",
    ];

    private static readonly string[] Arches = ["x86_64", "x86_64", "x86_64", "aarch64", "ppc64le", "s390x"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Writes about <paramref name="megabytes"/> MB; gzip-compressed when asked.</summary>
    public static void Write(string path, int megabytes, bool gzip)
    {
        var random = new Random(20210104);
        var target = (long)megabytes * 1_000_000;
        using var file = File.Create(path);
        using Stream content = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        using var writer = new StreamWriter(content, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        // Four weeks whatever the size, as a month of one server's logs: the totals keys stay the same
        // and only the file grows, which is what shows memory to be flat in the file size.
        var start = new DateTimeOffset(2020, 12, 28, 0, 0, 0, TimeSpan.Zero);
        var secondsPerByte = TimeSpan.FromDays(28).TotalSeconds / target;
        long written = 0;
        var line = new StringBuilder(400);
        while (written < target)
        {
            var time = start.AddSeconds(Math.Floor(written * secondsPerByte));
            line.Clear()
                .Append(random.Next(1, 224)).Append('.').Append(random.Next(256)).Append('.').Append(random.Next(256)).Append('.').Append(random.Next(256))
                .Append(" - - [").Append(time.Day.ToString("00")).Append('/').Append(Months[time.Month - 1]).Append('/').Append(time.Year)
                .Append(':').Append(time.ToString("HH:mm:ss")).Append(" +0000] \"")
                .Append(random.Next(50) == 0 ? "HEAD" : random.Next(200) == 0 ? "POST" : "GET").Append(' ')
                .Append(random.Next(4) == 0 ? "/mirrorlist" : random.Next(30) == 0 ? "/static/fedora.css" : "/metalink")
                .Append("?repo=").Append(Repos[random.Next(Repos.Length)])
                .Append("&arch=").Append(Arches[random.Next(Arches.Length)]);
            if (random.Next(5) == 0)
            {
                line.Append("&countme=").Append(random.Next(1, 5));
            }
            var status = random.Next(20) switch { 0 => 304, 1 => 404, 2 => 302, _ => 200 };
            line.Append(" HTTP/1.1\" ").Append(status).Append(' ').Append(random.Next(300, 40000))
                .Append(" \"-\" \"").Append(Agents[random.Next(Agents.Length)]).Append('"');
            writer.WriteLine(line);
            written += line.Length + 1;
        }
    }
}
