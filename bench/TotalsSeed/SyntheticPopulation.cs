using System.Globalization;
using System.Text;
using Pinger.Protocol.Reports;
using Pinger.Protocol.Windows;
using Pinger.Server.Ingest;
using Pinger.Server.Registry;
using Pinger.Server.Storage;

namespace TotalsSeed;

/// <summary>
/// A made-up fleet: 30 OS versions whose popularity moves through the year (new releases rise, old ones fade),
/// a long tail of platforms, four age buckets and two architectures. Each profile's report is checked by the
/// server's own <see cref="ReportReader"/>, so the counters are exactly what ingest would have produced.
/// </summary>
internal sealed class SyntheticPopulation(string schemaDirectory)
{
    private const int Versions = 30;
    private static readonly string[] Platforms = ["aws", "metal", "qemu", "azure", "gcp", "openstack", "vmware", "digitalocean", "hetzner", "ibmcloud", "exoscale", "vultr"];
    private static readonly string[] Architectures = ["x86_64", "aarch64"];
    private static readonly double[] ArchitectureShares = [0.8, 0.2];
    private static readonly double[] AgeShares = [0.05, 0.15, 0.3, 0.5];

    private readonly FieldRegistry _registry = FieldRegistryLoader.Load([schemaDirectory]);

    /// <summary>The reports counted on <paramref name="date"/>, one per profile with its count; <paramref name="progress"/> runs from 0 to 1 over the year.</summary>
    public IEnumerable<(CountedReport Report, long Count)> ReportsOn(DateOnly date, double progress, long total)
    {
        var reader = new ReportReader(_registry, date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), TimeSpan.FromMinutes(5));
        var profiles = Profiles(progress).ToArray();
        var sum = profiles.Sum(p => p.Weight);

        // Largest remainders: the day's counts add up to exactly its total.
        var shares = profiles.Select(p => total * p.Weight / sum).ToArray();
        var counts = shares.Select(s => (long)Math.Floor(s)).ToArray();
        var missing = total - counts.Sum();
        foreach (var index in Enumerable.Range(0, shares.Length).OrderByDescending(i => shares[i] - counts[i]).Take((int)missing))
        {
            counts[index]++;
        }

        for (var i = 0; i < profiles.Length; i++)
        {
            var (json, count) = (profiles[i].Json, counts[i]);
            if (count == 0)
            {
                continue;
            }

            var result = reader.Read(Encoding.UTF8.GetBytes(string.Format(CultureInfo.InvariantCulture, json, Windows(date))));
            var report = result.Report is { } received ? ReportCounting.Of(received, _registry) : throw new InvalidOperationException("the server refused a seed report: " + string.Join("; ", result.Problems));
            yield return (report, count);
        }
    }

    private static string Windows(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture,
            $"\"day\":\"{date:yyyy-MM-dd}\",\"month\":\"{CountingCalendar.StartOf(WindowKind.Month, date):yyyy-MM-dd}\",\"week\":\"{CountingCalendar.StartOf(WindowKind.Week, date):yyyy-MM-dd}\"");

    private static IEnumerable<(string Json, double Weight)> Profiles(double progress)
    {
        // The most popular version walks from the oldest to the newest over the year.
        var peak = progress * (Versions - 1);
        for (var v = 0; v < Versions; v++)
        {
            var versionWeight = Math.Exp(-Math.Abs(v - peak) / 3.0);
            var versionId = 39 + (v / 8);
            var version = string.Create(CultureInfo.InvariantCulture, $"{versionId}.2026{v + 1:D2}01.3.0");
            for (var p = 0; p < Platforms.Length; p++)
            {
                var platformWeight = 1.0 / (p + 1);
                for (var a = 0; a < Architectures.Length; a++)
                {
                    for (var age = 1; age <= AgeShares.Length; age++)
                    {
                        var json = "{{\"age\":" + age.ToString(CultureInfo.InvariantCulture)
                            + ",\"level\":\"minimal\",\"nonce\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"probes\":{{\"os-versions\":{{\"machine\":\"" + Architectures[a]
                            + "\",\"id\":\"fedora\",\"variant_id\":\"coreos\",\"version\":\"" + version
                            + "\",\"version_id\":\"" + versionId.ToString(CultureInfo.InvariantCulture)
                            + "\"}},\"platform\":{{\"id\":\"" + Platforms[p] + "\",\"source\":\"ignition\"}}}},\"schema\":1,\"windows\":{{{0}}}}}";
                        yield return (json, versionWeight * platformWeight * ArchitectureShares[a] * AgeShares[age - 1]);
                    }
                }
            }
        }
    }
}
