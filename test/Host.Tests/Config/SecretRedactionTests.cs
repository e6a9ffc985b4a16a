using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.Config;

/// <summary>
/// Secrets planted in every place the client reads a URL from (the proxy and server keys, the proxy environment
/// variables) never appear in anything the published <c>pinger</c> writes: standard output, logs (verbose), the
/// history, the state directory, or the text of an error.
/// </summary>
[TestClass]
public sealed class SecretRedactionTests
{
    private const string Secret = "S3cr3t-Planted";

    public static IEnumerable<object[]> Commands() => [["check-config"], ["--dry-run"], ["run"], ["history"]];

    [TestMethod]
    [DynamicData(nameof(Commands))]
    public async Task A_proxy_password_in_the_config_or_the_environment_is_never_written(string command)
    {
        await using var proxy = new RefusingProxy();
        using var machine = new TempDirectory();
        var proxyUrl = $"http://admin:{Secret}-config@127.0.0.1:{proxy.Port}";
        machine.Write("etc/pinger/config.d/50-level.toml",
            $"[reporting]\nlevel = \"minimal\"\nserver = \"https://127.0.0.1:9/\"\nproxy = \"{proxyUrl}\"\ntimeout_seconds = 5\n");

        var outcome = Run(machine, EnvironmentProxies(proxy.Port), command, "--verbose");
        var run = Run(machine, EnvironmentProxies(proxy.Port), "run", "--verbose");

        AssertNoSecret(machine, outcome, run);
        if (command == "check-config")
        {
            StringAssert.Contains(outcome.Output, $"reporting.proxy = \"http://***@127.0.0.1:{proxy.Port}\"");
        }

        Assert.IsGreaterThan(0, proxy.Requests, "the run did not go through the proxy, so the test proved nothing\n" + run);
    }

    [TestMethod]
    public async Task A_proxy_password_from_the_environment_alone_is_never_written()
    {
        await using var proxy = new RefusingProxy();
        using var machine = new TempDirectory();
        machine.Write("etc/pinger/config.d/50-level.toml", "[reporting]\nlevel = \"minimal\"\nserver = \"https://127.0.0.1:9/\"\ntimeout_seconds = 5\n");

        var run = Run(machine, EnvironmentProxies(proxy.Port), "run", "--verbose");
        var history = Run(machine, EnvironmentProxies(proxy.Port), "history");

        AssertNoSecret(machine, run, history);
        Assert.IsGreaterThan(0, proxy.Requests, "the run did not go through the environment's proxy\n" + run);
    }

    [TestMethod]
    [DataRow("server", "https://admin:" + Secret + "@metrics.example.org/")]
    [DataRow("proxy", "ftp://admin:" + Secret + "@proxy.example.org:3128")]
    [DataRow("level", "http://admin:" + Secret + "@x/")]
    public void A_rejected_value_holding_credentials_is_not_quoted_in_the_error(string key, string value)
    {
        using var machine = new TempDirectory();
        machine.Write("etc/pinger/config.d/50-bad.toml", $"[reporting]\n{key} = \"{value}\"\n");

        var check = Run(machine, new Dictionary<string, string>(), "check-config", "--verbose");
        var dryRun = Run(machine, new Dictionary<string, string>(), "--dry-run", "--verbose");

        Assert.AreEqual(ExitCodes.InvalidConfig, check.ExitCode, check.ToString());
        StringAssert.Contains(check.StandardError, $"'reporting.{key}'");
        AssertNoSecret(machine, check, dryRun);
    }

    private static Dictionary<string, string> EnvironmentProxies(int port) => new()
    {
        ["https_proxy"] = $"http://env:{Secret}-https@127.0.0.1:{port}",
        ["HTTPS_PROXY"] = $"http://env:{Secret}-HTTPS@127.0.0.1:{port}",
        ["http_proxy"] = $"env:{Secret}-http@127.0.0.1:{port}",
        ["HTTP_PROXY"] = $"http://env:{Secret}-HTTP@127.0.0.1:{port}",
        ["all_proxy"] = $"http://env:{Secret}-all@127.0.0.1:{port}",
    };

    private static PingerOutcome Run(TempDirectory machine, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        PingerProcess.Run(environment, [.. arguments, "--root", machine.Path, "--state-dir", Path.Combine(machine.Path, "state"), "--runtime-dir", Path.Combine(machine.Path, "runtime")]);

    private static void AssertNoSecret(TempDirectory machine, params PingerOutcome[] outcomes)
    {
        foreach (var outcome in outcomes)
        {
            Assert.DoesNotContain(Secret, outcome.Output, "on standard output:\n" + outcome);
            Assert.DoesNotContain(Secret, outcome.StandardError, "in the logs:\n" + outcome);
        }

        var state = Path.Combine(machine.Path, "state");
        foreach (var file in Directory.Exists(state) ? Directory.EnumerateFiles(state, "*", SearchOption.AllDirectories) : [])
        {
            Assert.DoesNotContain(Secret, File.ReadAllText(file), $"in {file}");
        }
    }
}
