namespace Pinger.Probes.ContainerRuntimes;

/// <summary>What one pass over <c>/proc</c> found: engine daemons running and containers per engine.</summary>
internal sealed class ContainerProcessCensus
{
    private readonly Dictionary<string, int> _containers = ContainerRuntime.Tokens.ToDictionary(t => t, _ => 0, StringComparer.Ordinal);
    private readonly HashSet<string> _runningDaemons = new(StringComparer.Ordinal);

    /// <summary>How many processes had a readable name; 0 means nothing can be said about processes.</summary>
    public int ProcessesRead { get; private set; }

    /// <summary>Engines (tokens) whose daemon process runs.</summary>
    public IReadOnlySet<string> RunningDaemons => _runningDaemons;

    /// <summary>Containers counted per engine token (every token present, 0 when none).</summary>
    public IReadOnlyDictionary<string, int> Containers => _containers;

    public void CountProcess() => ProcessesRead++;

    public void CountDaemon(string runtime) => _runningDaemons.Add(runtime);

    public void CountContainer(string runtime) => _containers[runtime]++;
}
