using Pinger.Plugins.Sdk;

namespace Pinger.Host.Machine;

/// <summary>
/// Used with <c>--root</c>: the host's programs describe the host, not the tree being inspected, so no
/// program is run and every probe sees "not found".
/// </summary>
public sealed class UnavailableCommandRunner : ICommandRunner
{
    /// <inheritdoc />
    public Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        Task.FromResult(CommandResult.NotFound);
}
