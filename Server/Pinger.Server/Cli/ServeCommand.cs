using Pinger.Server.Hosting;
using Pinger.Server.Registry;

namespace Pinger.Server.Cli;

/// <summary>
/// Runs the service until SIGTERM or Ctrl-C. A store that cannot be opened stops the start with a message (exit 1);
/// a field registry without a probe stops it too (exit 4), since every report would be refused.
/// </summary>
public sealed class ServeCommand(ServerOptions options, TextWriter error)
{
    /// <summary>Serves; returns the exit status.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = ServerApplication.Build(options);
        }
        catch (NoFieldRegistryException e)
        {
            await error.WriteLineAsync("pinger-server: cannot start: " + e.Message).ConfigureAwait(false);
            return ServerExitCodes.NoFieldRegistry;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException or ArgumentException)
        {
            await error.WriteLineAsync("pinger-server: cannot start: " + e.Message).ConfigureAwait(false);
            return ServerExitCodes.Failure;
        }

        await using (app.ConfigureAwait(false))
        {
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        return ServerExitCodes.Ok;
    }
}
