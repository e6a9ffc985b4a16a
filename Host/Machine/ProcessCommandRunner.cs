using System.Diagnostics;
using Pinger.Plugins.Sdk;

namespace Pinger.Host.Machine;

/// <summary>
/// Runs the live machine's programs. Names are looked up only in the standard system directories, never in
/// the caller's PATH, so what a probe runs does not depend on who started Pinger.
/// </summary>
public sealed class ProcessCommandRunner : ICommandRunner
{
    private static readonly string[] SearchDirectories = ["/usr/bin", "/usr/sbin", "/bin", "/sbin"];
    private const int MaxOutputChars = 8 * 1024 * 1024;

    /// <inheritdoc />
    public async Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = Locate(program);
        if (path is null)
        {
            return CommandResult.NotFound;
        }

        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Programs answer in a stable, untranslated form.
        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        try
        {
            var output = ReadCappedAsync(process.StandardOutput, cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var text = await output.ConfigureAwait(false);
            await errors.ConfigureAwait(false);
            return new CommandResult(true, process.ExitCode, text);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static string? Locate(string program)
    {
        if (program.StartsWith('/'))
        {
            return File.Exists(program) ? program : null;
        }

        return program.Contains('/') ? null : SearchDirectories.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var text = new System.Text.StringBuilder();
        var chunk = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            // Past the cap the rest is drained, not kept, so the program is never blocked on a full pipe.
            if (text.Length < MaxOutputChars)
            {
                text.Append(chunk, 0, Math.Min(read, MaxOutputChars - text.Length));
            }
        }

        return text.ToString();
    }
}
