using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.Delivery;

/// <summary>One machine for <c>pinger run</c> tests: a fixture root, and its own config, state and runtime directories.</summary>
internal sealed class RunBed : IDisposable
{
    public const string Now = "2026-11-27T10:00:00Z";

    private readonly TempDirectory _directory = new();

    public string StateDirectory => Path.Combine(_directory.Path, "state");

    public string ConfigDirectory => Path.Combine(_directory.Path, "config");

    public string RuntimeDirectory => Path.Combine(_directory.Path, "run");

    public RunBed Configure(string toml)
    {
        _directory.Write("config/50-test.toml", toml);
        return this;
    }

    public RunBed ReportTo(Uri server, int timeoutSeconds = 5, string extra = "") =>
        Configure($"[reporting]\nlevel = \"minimal\"\nserver = \"{server}\"\ntimeout_seconds = {timeoutSeconds}\n{extra}");

    public PingerOutcome Run(string now = Now, IReadOnlyDictionary<string, string>? environment = null, string command = "run", params string[] extraArguments)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["PINGER_NOW"] = now };
        return PingerProcess.Run(variables, [command, "--root", TestPaths.FixtureRoot("fcos-aws"), "--config-dir", ConfigDirectory,
            "--state-dir", StateDirectory, "--runtime-dir", RuntimeDirectory, .. extraArguments]);
    }

    public string StateFile => File.ReadAllText(Path.Combine(StateDirectory, "state.json"));

    public bool HasState => File.Exists(Path.Combine(StateDirectory, "state.json"));

    public void Dispose() => _directory.Dispose();
}
