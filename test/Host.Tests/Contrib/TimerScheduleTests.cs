using System.Text.RegularExpressions;

namespace Pinger.Host.Tests.Contrib;

/// <summary>docs/reporting.md states the schedule the shipped timer unit keeps, random delay included.</summary>
[TestClass]
public sealed partial class TimerScheduleTests
{
    [TestMethod]
    public void The_documented_first_run_and_interval_follow_from_the_timer_unit()
    {
        var timer = TimerSettings(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "contrib", "systemd", "pinger.timer")));
        var documentation = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "reporting.md")).ReplaceLineEndings(" ");
        var boot = Span(timer["OnBootSec"]);
        var interval = Span(timer["OnUnitInactiveSec"]);
        var delay = Span(timer["RandomizedDelaySec"]);
        var accuracy = Span(timer["AccuracySec"]);

        // systemd adds the random delay to every elapse of the timer, the one after boot too.
        var sentence = Regex.Replace(documentation, " +", " ");
        StringAssert.Contains(sentence, $"between {Words(boot)} and {Words(boot + delay)} after boot");
        StringAssert.Contains(sentence, $"then between {Words(interval)} and {Words(interval + delay)} after the previous run ended");
        StringAssert.Contains(sentence, $"`RandomizedDelaySec={timer["RandomizedDelaySec"]}`");
        StringAssert.Contains(sentence, $"`OnBootSec={timer["OnBootSec"]}`");
        StringAssert.Contains(sentence, $"`OnUnitInactiveSec={timer["OnUnitInactiveSec"]}`");
        StringAssert.Contains(sentence, $"`AccuracySec={timer["AccuracySec"]}` lets systemd move a start by up to another {Words(accuracy)}");
    }

    private static Dictionary<string, string> TimerSettings(string unit)
    {
        var inTimer = false;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in unit.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith('['))
            {
                inTimer = line == "[Timer]";
            }
            else if (inTimer && line.Length > 0 && !line.StartsWith('#') && line.Split('=', 2) is [var key, var value])
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    // systemd's time spans as the timer uses them: a sequence of numbers with the units min, h or s.
    private static TimeSpan Span(string value)
    {
        var total = TimeSpan.Zero;
        foreach (Match part in SpanPart().Matches(value))
        {
            var number = int.Parse(part.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            total += part.Groups["unit"].Value switch
            {
                "h" => TimeSpan.FromHours(number),
                "min" => TimeSpan.FromMinutes(number),
                "s" or "" => TimeSpan.FromSeconds(number),
                var unit => throw new FormatException($"unit '{unit}' in '{value}' is not handled by this test"),
            };
        }

        return total;
    }

    private static string Words(TimeSpan span)
    {
        var parts = new List<string>();
        if ((int)span.TotalHours > 0)
        {
            parts.Add($"{(int)span.TotalHours} hour{((int)span.TotalHours == 1 ? "" : "s")}");
        }

        if (span.Minutes > 0)
        {
            parts.Add($"{span.Minutes} minute{(span.Minutes == 1 ? "" : "s")}");
        }

        return string.Join(" ", parts);
    }

    [GeneratedRegex(@"(?<n>[0-9]+)\s*(?<unit>h|min|s)?")]
    private static partial Regex SpanPart();
}
