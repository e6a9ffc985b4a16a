using System.CommandLine;
using Pinger.Configuration;
using Pinger.Server.Configuration;
using Pinger.Server.Hosting;

namespace Pinger.Server.Cli;

/// <summary>The <c>pinger-server</c> command line: serve (no command), <c>import-log</c>, <c>import-totals</c> and <c>check-config</c>.</summary>
public sealed class ServerCommandLine(TextWriter output, TextWriter error)
{
    private readonly Option<string> _stateDir = new("--state-dir")
    {
        Description = "Keep the counters in DIR",
        HelpName = "DIR",
        DefaultValueFactory = _ => ServerOptions.DefaultStateDirectory,
        Recursive = true,
    };

    private readonly Option<string?> _configDir = new("--config-dir")
    {
        Description = "Read config drop-ins from DIR instead of /usr/lib, /run and /etc/pinger-server/config.d",
        HelpName = "DIR",
        Recursive = true,
    };

    private readonly Option<string[]> _schemaDirs = new("--schema-dir")
    {
        Description = "Read field registry files (*.json from `pinger schema`) from DIR (repeatable) instead of the configured directories",
        HelpName = "DIR",
    };

    private readonly Option<string[]> _schemaFiles = new("--schema-file")
    {
        Description = "Also read this field registry file (repeatable), e.g. the host's own `pinger schema` output",
        HelpName = "FILE",
    };

    private readonly Option<string> _urls = new("--urls")
    {
        Description = "Listen on these URLs, separated by ';'",
        HelpName = "URLS",
        DefaultValueFactory = _ => ServerOptions.DefaultUrls,
    };

    private readonly Argument<string[]> _logFiles = new("FILE") { Description = "Access logs in Combined Log Format, plain or gzip", Arity = ArgumentArity.OneOrMore };

    private readonly Argument<string> _totalsFile = new("FILE") { Description = "A countme totals file: CSV or SQLite" };

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit status.</summary>
    public async Task<int> RunAsync(string[] args)
    {
        var parse = BuildRootCommand().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync($"pinger-server: error: {problem.Message}").ConfigureAwait(false);
            }

            return ServerExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).ConfigureAwait(false);
    }

    private RootCommand BuildRootCommand()
    {
        var root = new RootCommand("pinger-server: counts Pinger reports and countme requests, and publishes the totals.")
        {
            _stateDir, _configDir, _schemaDirs, _schemaFiles, _urls,
        };
        root.SetAction((parse, cancellationToken) => WithSettings(parse, settings =>
        {
            var schemaDirs = parse.GetValue(_schemaDirs) ?? [];
            var sources = (schemaDirs.Length > 0 ? schemaDirs : settings.SchemaDirectories).Concat(parse.GetValue(_schemaFiles) ?? []);
            var options = new ServerOptions
            {
                Settings = settings with { SchemaDirectories = sources.Select(Path.GetFullPath).ToArray() },
                Urls = parse.GetValue(_urls)!,
                StateDirectory = parse.GetValue(_stateDir)!,
            };
            return new ServeCommand(options, error).RunAsync(cancellationToken);
        }));

        var importLog = new Command("import-log", "Add the countme hits of access logs to the weekly totals (a file imported before is skipped)") { _logFiles };
        importLog.SetAction((parse, _) => WithSettings(parse, settings =>
            Task.FromResult(new ImportCommand(settings, parse.GetValue(_stateDir)!, output, error).ImportLogs(parse.GetValue(_logFiles)!))));
        root.Subcommands.Add(importLog);

        var importTotals = new Command("import-totals", "Add a countme totals file (CSV or SQLite) to the weekly totals (a file imported before is skipped)") { _totalsFile };
        importTotals.SetAction((parse, _) => WithSettings(parse, settings =>
            Task.FromResult(new ImportCommand(settings, parse.GetValue(_stateDir)!, output, error).ImportTotals(parse.GetValue(_totalsFile)!))));
        root.Subcommands.Add(importTotals);

        var checkConfig = new Command("check-config", "Validate the configuration and print the files read");
        checkConfig.SetAction((parse, _) => WithSettings(parse, _ =>
        {
            var files = ServerConfigReader.Files(parse.GetValue(_configDir));
            output.WriteLine(files.Count == 0 ? "no config file: the defaults apply" : "files merged, in order:");
            foreach (var file in files)
            {
                output.WriteLine("  " + file);
            }

            output.WriteLine("pinger-server: the configuration is valid");
            return Task.FromResult(ServerExitCodes.Ok);
        }));
        root.Subcommands.Add(checkConfig);
        return root;
    }

    private async Task<int> WithSettings(ParseResult parse, Func<ServerSettings, Task<int>> command)
    {
        var (settings, diagnostics) = ServerConfigReader.Read(parse.GetValue(_configDir));
        foreach (var diagnostic in diagnostics)
        {
            await error.WriteLineAsync("pinger-server: " + diagnostic).ConfigureAwait(false);
        }

        if (settings is null)
        {
            await error.WriteLineAsync($"pinger-server: the configuration has {diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} error(s); not starting").ConfigureAwait(false);
            return ServerExitCodes.InvalidConfig;
        }

        return await command(settings).ConfigureAwait(false);
    }
}
