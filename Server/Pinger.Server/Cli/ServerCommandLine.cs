using System.CommandLine;
using Pinger.Configuration;
using Pinger.Server.Configuration;
using Pinger.Server.Hosting;
using Pinger.Server.Registry;

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

    private readonly Option<string?> _urls = new("--urls")
    {
        Description = "Listen on these URLs, separated by ';', instead of the configured server.listen (default http://127.0.0.1:8080)",
        HelpName = "URLS",
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
        root.SetAction((parse, cancellationToken) => WithSettings(parse, async configured =>
        {
            // Under the unit, systemd passes the admin token as a credential; a token the service cannot use stops it here.
            if (await ReportAsync(AdminTokenSource.Resolve(configured, Environment.GetEnvironmentVariable(AdminTokenSource.CredentialsVariable), credentialsRequired: true)).ConfigureAwait(false) is not { } settings)
            {
                return ServerExitCodes.InvalidConfig;
            }

            var schemaDirs = parse.GetValue(_schemaDirs) ?? [];
            var sources = (schemaDirs.Length > 0 ? schemaDirs : settings.SchemaDirectories).Concat(parse.GetValue(_schemaFiles) ?? []);
            var options = new ServerOptions
            {
                Settings = settings with { SchemaDirectories = sources.Select(Path.GetFullPath).ToArray() },
                Urls = parse.GetValue(_urls),
                StateDirectory = parse.GetValue(_stateDir)!,
            };
            return await new ServeCommand(options, error).RunAsync(cancellationToken).ConfigureAwait(false);
        }));

        var importLog = new Command("import-log", "Add the countme hits of access logs to the weekly totals (a file imported before is skipped)") { _logFiles };
        importLog.SetAction((parse, _) => WithSettings(parse, settings =>
            Task.FromResult(new ImportCommand(settings, parse.GetValue(_stateDir)!, output, error).ImportLogs(parse.GetValue(_logFiles)!))));
        root.Subcommands.Add(importLog);

        var importTotals = new Command("import-totals", "Add a countme totals file (CSV or SQLite) to the weekly totals (a file imported before is skipped)") { _totalsFile };
        importTotals.SetAction((parse, _) => WithSettings(parse, settings =>
            Task.FromResult(new ImportCommand(settings, parse.GetValue(_stateDir)!, output, error).ImportTotals(parse.GetValue(_totalsFile)!))));
        root.Subcommands.Add(importTotals);

        var checkConfig = new Command("check-config", "Validate the configuration, open every file it names (admin token, field registry) and print the files read");
        checkConfig.SetAction((parse, _) => WithSettings(parse, async configured =>
        {
            var files = ServerConfigReader.Files(parse.GetValue(_configDir));
            await output.WriteLineAsync(files.Count == 0 ? "no config file: the defaults apply" : "files merged, in order:").ConfigureAwait(false);
            foreach (var file in files)
            {
                await output.WriteLineAsync("  " + file).ConfigureAwait(false);
            }

            // Run by hand, outside the unit, a credential cannot be seen: that is a warning, not an error.
            if (await ReportAsync(AdminTokenSource.Resolve(configured, Environment.GetEnvironmentVariable(AdminTokenSource.CredentialsVariable), credentialsRequired: false)).ConfigureAwait(false) is null)
            {
                return ServerExitCodes.InvalidConfig;
            }

            try
            {
                var registry = FieldRegistryLoader.LoadNonEmpty(configured.SchemaDirectories);
                await output.WriteLineAsync($"field registry: {registry.ProbeCount} probes from {string.Join(", ", configured.SchemaDirectories)}").ConfigureAwait(false);
            }
            catch (NoFieldRegistryException e)
            {
                await error.WriteLineAsync("pinger-server: " + e.Message).ConfigureAwait(false);
                return ServerExitCodes.NoFieldRegistry;
            }

            await output.WriteLineAsync("pinger-server: the configuration is valid").ConfigureAwait(false);
            return ServerExitCodes.Ok;
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

    // Prints the diagnostics; the settings, or null when one of them is an error.
    private async Task<ServerSettings?> ReportAsync((ServerSettings Settings, IReadOnlyList<ConfigDiagnostic> Diagnostics) checkedSettings)
    {
        foreach (var diagnostic in checkedSettings.Diagnostics)
        {
            await error.WriteLineAsync("pinger-server: " + diagnostic).ConfigureAwait(false);
        }

        if (checkedSettings.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            await error.WriteLineAsync("pinger-server: a file the configuration names cannot be used; not starting").ConfigureAwait(false);
            return null;
        }

        return checkedSettings.Settings;
    }
}
