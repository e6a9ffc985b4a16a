using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pinger.Host.Tests.Contrib;

/// <summary>The shipped service units stay hardened: systemd's own offline analysis scores their exposure.</summary>
[TestClass]
public sealed partial class SystemdUnitTests
{
    private const double MaximumExposure = 1.5;

    [TestMethod]
    [DataRow("pinger.service")]
    [DataRow("pinger-textfile.service")]
    public void The_service_unit_exposure_score_is_at_most_1_5(string name)
    {
        var unit = Path.Combine(TestPaths.RepositoryRoot, "contrib", "systemd", name);
        var start = new ProcessStartInfo("systemd-analyze") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "security", "--offline=yes", "--no-pager", unit })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();

        var score = OverallExposure().Match(output);
        Assert.IsTrue(score.Success, "systemd-analyze printed no overall exposure:\n" + output);
        var exposure = double.Parse(score.Groups["score"].Value, CultureInfo.InvariantCulture);
        Console.WriteLine($"{name} exposure: {exposure}");
        Assert.IsLessThanOrEqualTo(MaximumExposure, exposure, output);
    }

    [TestMethod]
    public void The_units_run_the_commands_the_documentation_names()
    {
        var service = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "contrib", "systemd", "pinger.service"));
        var timer = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "contrib", "systemd", "pinger.timer"));

        StringAssert.Contains(service, "ExecStartPre=/usr/bin/pinger check-config --quiet\n");
        StringAssert.Contains(service, "ExecStart=/usr/bin/pinger run\n");
        StringAssert.Contains(service, "StateDirectory=pinger\n");
        StringAssert.Contains(timer, "OnUnitInactiveSec=");
        Assert.DoesNotContain("OnCalendar=", timer, "a calendar timer skips windows when the machine is off at that time");
    }

    [TestMethod]
    public void The_textfile_units_export_as_the_same_throwaway_user_into_a_readable_directory_and_are_not_preset()
    {
        var service = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "contrib", "systemd", "pinger-textfile.service"));
        var timer = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "contrib", "systemd", "pinger-textfile.timer"));
        var preset = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "contrib", "systemd", "90-pinger.preset"));

        StringAssert.Contains(service, "ExecStart=/usr/bin/pinger export --textfile-dir /run/pinger-textfile\n");
        StringAssert.Contains(service, "RuntimeDirectory=pinger-textfile\nRuntimeDirectoryMode=0755\nRuntimeDirectoryPreserve=yes\n");
        StringAssert.Contains(service, "DynamicUser=yes\nUser=pinger\nStateDirectory=pinger\n");
        StringAssert.Contains(timer, "OnUnitInactiveSec=");
        Assert.DoesNotContain("pinger-textfile", preset, "the export is the admin's choice");
    }

    [TestMethod]
    public void A_run_that_left_a_probe_out_exits_4_and_the_service_counts_that_as_success()
    {
        var service = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "contrib", "systemd", "pinger.service"));

        // systemd reads SuccessExitStatus= in [Service], as space-separated statuses, and any number of such lines.
        var section = "";
        var statuses = new List<string>();
        foreach (var line in service.Select(l => l.Trim()))
        {
            if (line.StartsWith('['))
            {
                section = line;
            }
            else if (section == "[Service]" && line.StartsWith("SuccessExitStatus=", StringComparison.Ordinal))
            {
                statuses.AddRange(line["SuccessExitStatus=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        Assert.AreEqual(4, ExitCodes.PartialReport, "docs/configuration.md documents exit status 4 for a partial report");
        CollectionAssert.Contains(statuses, ExitCodes.PartialReport.ToString(CultureInfo.InvariantCulture),
            "a partial report must not fail pinger.service: " + string.Join(' ', statuses));
    }

    [GeneratedRegex(@"Overall exposure level for [a-z-]+\.service: (?<score>[0-9]+\.[0-9]+)")]
    private static partial Regex OverallExposure();
}
