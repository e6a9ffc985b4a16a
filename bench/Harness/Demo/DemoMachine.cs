using System.Globalization;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;
using Pinger.Protocol.Windows;
using Pinger.Server.Dashboard;

namespace Pinger.Bench.Harness.Demo;

/// <summary>
/// One machine of the demo fleet: what it is (edition, platform, hardware) and how it changes (it is installed on
/// a day, may be retired, and moves to new releases some days after they come out; a few are pinned and never do).
/// </summary>
internal sealed class DemoMachine
{
    // Fedora CoreOS moves each stream to a new major release at its own pace: next from the beta, about six
    // weeks before GA; testing about two weeks after GA; stable two weeks after testing (docs.fedoraproject.org,
    // Fedora CoreOS "Update Streams" and the major-release rebase notes).
    private static readonly Dictionary<string, int> StreamLagDays = new(StringComparer.Ordinal) { ["next"] = -42, ["testing"] = 14, ["stable"] = 28 };
    private static readonly Dictionary<string, string> StreamBuildDigit = new(StringComparer.Ordinal) { ["next"] = "1", ["testing"] = "2", ["stable"] = "3" };

    private readonly ReceivedValue[] _fixed;
    private readonly IReadOnlyList<(int Version, DateOnly Date)> _releases;
    private readonly int _installedRelease;
    private readonly string? _originalBuild;

    public DemoMachine(Edition edition, DateOnly installed, DateOnly? retired, string? stream, int lagDays, bool pinned, bool full,
        bool fromPinnedImage, IReadOnlyList<(int Version, DateOnly Date)> releases, ReceivedValue[] fixedValues)
    {
        Edition = edition;
        Installed = installed;
        Retired = retired;
        Stream = stream;
        LagDays = lagDays;
        Pinned = pinned;
        Full = full;
        _releases = releases;
        _fixed = fixedValues;
        // Installed from the newest image or ISO of the day (a stream's own release on Fedora CoreOS).
        _installedRelease = FedoraReleases.On(releases, installed, stream is { } s ? StreamLagDays[s] : 0, releases[0].Version);

        // Only Fedora CoreOS writes the aleph file that names the install build. Many fleets provision from an image
        // they pin and refresh once per major release (the stream's first build of it); the others from the latest.
        if (stream is not null)
        {
            var rebase = releases.First(r => r.Version == _installedRelease).Date.AddDays(StreamLagDays[stream]);
            _originalBuild = BuildOn(fromPinnedImage && rebase <= installed ? rebase : installed, _installedRelease);
        }
    }

    public Edition Edition { get; }

    public DateOnly Installed { get; }

    public DateOnly? Retired { get; }

    /// <summary>The Fedora CoreOS stream, null on other editions.</summary>
    public string? Stream { get; }

    public int LagDays { get; }

    public bool Pinned { get; }

    /// <summary>Whether the machine runs at metrics level full (the rest send the minimal fields only).</summary>
    public bool Full { get; }

    /// <summary>Whether the machine exists on <paramref name="day"/>.</summary>
    public bool RunsOn(DateOnly day) => Installed <= day && (Retired is not { } end || day < end);

    /// <summary>The release the machine runs on <paramref name="day"/>.</summary>
    public int ReleaseOn(DateOnly day) => Pinned ? _installedRelease : ReleaseAt(day, _installedRelease);

    /// <summary>The age bucket its report on <paramref name="day"/> carries, as the client computes it.</summary>
    public int AgeOn(DateOnly day) =>
        AgeBucket.Compute(new DateTimeOffset(Installed.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

    /// <summary>Every value its report on <paramref name="day"/> carries.</summary>
    public IReadOnlyList<ReceivedValue> ValuesOn(DateOnly day)
    {
        var release = ReleaseOn(day);
        var values = new List<ReceivedValue>(_fixed.Length + 3);
        values.AddRange(_fixed);
        values.Add(Value(ReportFields.VersionId, release.ToString(CultureInfo.InvariantCulture)));
        if (Edition.ImageBased)
        {
            values.Add(Value(ReportFields.Build, BuildOn(day, release)));
        }

        if (_originalBuild is not null)
        {
            values.Add(Value("os-versions.original_version", _originalBuild));
        }

        return values;
    }

    /// <summary>A text value of <paramref name="field"/> ("probe.field").</summary>
    public static ReceivedValue Value(string field, string text) => Of(field, FieldValue.FromText(text));

    /// <summary>An integer value of <paramref name="field"/>.</summary>
    public static ReceivedValue Value(string field, long number) => Of(field, FieldValue.FromInteger(number));

    /// <summary>A value of <paramref name="field"/>.</summary>
    public static ReceivedValue Of(string field, FieldValue value)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        return new ReceivedValue(field[..dot], field[(dot + 1)..], value);
    }

    private int ReleaseAt(DateOnly day, int floor) =>
        FedoraReleases.On(_releases, day, Stream is { } s ? StreamLagDays[s] + (LagDays % 10) : LagDays, floor);

    // Fedora CoreOS builds every two weeks per stream ("41.20251103.3.0"); the other images build daily and a
    // machine updates about weekly ("41.20251105.0"). A build is named by the Monday it was made, for the demo.
    private string BuildOn(DateOnly day, int release)
    {
        var monday = CountingCalendar.StartOf(WindowKind.Week, day.AddDays(-(LagDays % 7)));
        if (Stream is { } stream)
        {
            var fortnight = monday.AddDays(-7 * (int)(CountingCalendar.WeekNumberOf(monday) % 2));
            return string.Create(CultureInfo.InvariantCulture, $"{release}.{fortnight:yyyyMMdd}.{StreamBuildDigit[stream]}.0");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{release}.{monday:yyyyMMdd}.0");
    }
}
