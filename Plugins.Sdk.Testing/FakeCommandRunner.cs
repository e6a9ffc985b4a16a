namespace Pinger.Plugins.Sdk.Testing;

/// <summary>
/// A command runner that answers from a script: each program and argument list maps to a result; anything
/// not scripted is <see cref="CommandResult.NotFound"/>. Every call is recorded.
/// </summary>
public sealed class FakeCommandRunner : ICommandRunner
{
    private readonly Dictionary<string, CommandResult> _results = new(StringComparer.Ordinal);
    private readonly List<string> _calls = [];

    /// <summary>The command lines run so far, program and arguments joined by spaces.</summary>
    public IReadOnlyList<string> Calls => _calls;

    /// <summary>Makes <paramref name="program"/> with <paramref name="arguments"/> print <paramref name="standardOutput"/> and exit with <paramref name="exitCode"/>.</summary>
    public FakeCommandRunner Answer(string program, IEnumerable<string> arguments, string standardOutput, int exitCode = 0)
    {
        _results[Key(program, arguments)] = new CommandResult(true, exitCode, standardOutput);
        return this;
    }

    /// <inheritdoc />
    public Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var key = Key(program, arguments);
        _calls.Add(key);
        return Task.FromResult(_results.GetValueOrDefault(key, CommandResult.NotFound));
    }

    private static string Key(string program, IEnumerable<string> arguments) => string.Join(' ', arguments.Prepend(program));
}
