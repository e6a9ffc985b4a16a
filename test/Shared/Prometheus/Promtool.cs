using System.Diagnostics;

namespace Pinger.Testing.Prometheus;

/// <summary>
/// Runs Prometheus' own linter, <c>promtool check metrics</c> (Debian's prometheus package, which the Prerequisites
/// target installs), on an exposition. Without promtool the check is inconclusive on a developer's machine and a
/// failure in CI (CI=true), so a build machine cannot pass it by lacking the tool.
/// </summary>
public static class Promtool
{
    /// <summary>Asserts that promtool finds no problem in <paramref name="exposition"/>; <paramref name="what"/> names it in the failure.</summary>
    public static void AssertValid(string exposition, string what)
    {
        var path = Find();
        if (path is null)
        {
            const string Missing = "promtool is not installed (apt-get install prometheus, or ./build.sh --target=Prerequisites)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(Missing);
            }

            Assert.Inconclusive(Missing);
        }

        var start = new ProcessStartInfo(path) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("check");
        start.ArgumentList.Add("metrics");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(exposition);
        process.StandardInput.Close();
        process.WaitForExit();
        var said = (output.Result + error.Result).Trim();

        // promtool exits 0 with no output for a clean exposition; lint problems are printed with exit status 3.
        Assert.AreEqual(0, process.ExitCode, $"promtool check metrics refuses {what}: {said}\n{exposition}");
        Assert.AreEqual(string.Empty, said, $"promtool check metrics complains about {what}\n{exposition}");
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "promtool"))
            .FirstOrDefault(File.Exists);
}
