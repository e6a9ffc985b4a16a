namespace Pinger.Plugins.Sdk;

/// <summary>Runs a program of the machine and captures what it prints.</summary>
public interface ICommandRunner
{
    /// <summary>
    /// Runs <paramref name="program"/> (a name looked up in the standard binary directories, or an absolute path)
    /// with <paramref name="arguments"/>. A program that does not exist gives <see cref="CommandResult.NotFound"/>.
    /// </summary>
    Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}
