using Pinger.Server.Cli;

namespace Pinger.Server.Tests.Infrastructure;

/// <summary>Runs the pinger-server command line in process and keeps what it printed.</summary>
internal sealed record CommandRun(int ExitCode, string Output, string Error)
{
    public static async Task<CommandRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new ServerCommandLine(output, error).RunAsync(args);
        return new CommandRun(code, output.ToString(), error.ToString());
    }
}
