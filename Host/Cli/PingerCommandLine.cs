using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pinger.Core;
using Pinger.Host.Commands;
using Pinger.Host.Composition;
using Pinger.Host.Logging;

namespace Pinger.Host.Cli;

/// <summary>The <c>pinger</c> command line: options, commands, and the wiring from a parse to a command.</summary>
public sealed class PingerCommandLine
{
    private readonly Option<string> _root = new("--root")
    {
        Description = "Read machine facts and the standard config directories below DIR instead of /",
        HelpName = "DIR",
        DefaultValueFactory = _ => "/",
        Recursive = true,
    };

    private readonly Option<string?> _configDir = new("--config-dir")
    {
        Description = "Read config drop-ins from DIR instead of /usr/lib, /run and /etc/pinger/config.d",
        HelpName = "DIR",
        Recursive = true,
    };

    private readonly Option<string[]> _probeDirs = new("--probe-dir")
    {
        Description = "Load probe plugins from DIR (repeatable) instead of the installed probe directories",
        HelpName = "DIR",
        Recursive = true,
    };

    private readonly Option<bool> _verbose = new("--verbose", "-v")
    {
        Description = "Log debug detail",
        Recursive = true,
    };

    private readonly Option<string> _stateDir = new("--state-dir")
    {
        Description = "Keep the counted windows and the history in DIR instead of /var/lib/pinger",
        HelpName = "DIR",
        DefaultValueFactory = _ => "/var/lib/pinger",
        Recursive = true,
    };

    private readonly Option<string> _runtimeDir = new("--runtime-dir")
    {
        Description = "Keep per-boot markers in DIR instead of /run/pinger",
        HelpName = "DIR",
        DefaultValueFactory = _ => "/run/pinger",
        Recursive = true,
    };

    private readonly Option<bool> _dryRun = new("--dry-run")
    {
        Description = "Print exactly the report that would be sent, and send nothing",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = "With --dry-run: json (the bytes 'pinger run' sends) or openmetrics (the same values as OpenMetrics text)",
        HelpName = "FORMAT",
        DefaultValueFactory = _ => "json",
    };

    private readonly Option<string> _textfileDir = new("--textfile-dir")
    {
        Description = "Write pinger.prom in DIR, node_exporter's --collector.textfile.directory",
        HelpName = "DIR",
        Required = true,
    };

    private readonly Option<bool> _markdown = new("--markdown")
    {
        Description = "Print the probe documentation (docs/metrics.md) instead of the list",
    };

    private readonly StandardStreams _streams;

    /// <summary>A command line writing to <paramref name="streams"/>.</summary>
    public PingerCommandLine(StandardStreams streams)
    {
        _streams = streams;
        _probeDirs.Validators.Add(ProbeDirectoryCheck.Validate);
        _format.AcceptOnlyFromAmong("json", "openmetrics");
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen command; returns the exit status.</summary>
    public async Task<int> RunAsync(string[] args)
    {
        ParseResult parse;
        using (PhaseTimings.Start("parse command line"))
        {
            parse = BuildRootCommand().Parse(args);
        }

        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await _streams.Error.WriteLineAsync($"pinger: error: {error.Message}").ConfigureAwait(false);
            }

            foreach (var hint in UsageHints.ForUnmatched(parse))
            {
                await _streams.Error.WriteLineAsync($"pinger: {hint}").ConfigureAwait(false);
            }

            await _streams.Error.WriteLineAsync("pinger: see 'pinger --help'").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            // Exceptions reach this method rather than System.CommandLine's handler, which prints a stack trace.
            var invocation = new InvocationConfiguration { Output = OutputWriter(), Error = _streams.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (StandardOutputClosedException)
        {
            // 'pinger --help | head -1': the reader has all it wanted.
            return ExitCodes.OutputClosed;
        }
    }

    private TextWriter OutputWriter()
    {
        var writer = _streams.OutputText();
        ((StreamWriter)writer).AutoFlush = true;
        return writer;
    }

    private RootCommand BuildRootCommand()
    {
        var root = new RootCommand("Pinger: reports coarse, anonymous facts about this machine to count the installed base.")
        {
            _root, _configDir, _probeDirs, _stateDir, _runtimeDir, _verbose, _dryRun, _format,
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            if (!parse.GetValue(_dryRun))
            {
                await _streams.Error.WriteLineAsync("pinger: nothing to do: use --dry-run to see the report, 'pinger run' to send it, or another command (see 'pinger --help')").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var format = parse.GetValue(_format) == "openmetrics" ? ReportFormat.OpenMetrics : ReportFormat.Json;
            return await WithServices(parse, services => services.GetRequiredService<DryRunCommand>().ExecuteAsync(format, cancellationToken)).ConfigureAwait(false);
        });

        var run = new Command("run", "Send the report if a counting window is due (what the systemd timer runs)");
        run.SetAction((parse, cancellationToken) => WithServices(parse, services => services.GetRequiredService<RunCommand>().ExecuteAsync(cancellationToken)));
        root.Subcommands.Add(run);

        var export = new Command("export", "Write the facts the report would carry as pinger.prom for node_exporter's textfile collector; sends nothing") { _textfileDir };
        export.SetAction((parse, cancellationToken) => WithServices(parse, services => services.GetRequiredService<ExportCommand>().ExecuteAsync(parse.GetValue(_textfileDir)!, cancellationToken)));
        root.Subcommands.Add(export);

        var history = new Command("history", "Show the reports this machine sent, when, where, and the server's answer");
        history.SetAction((parse, _) => WithServices(parse, services => Task.FromResult(services.GetRequiredService<HistoryCommand>().Execute())));
        root.Subcommands.Add(history);

        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing when the configuration is valid, but its warnings (what the unit runs)" };
        var checkConfig = new Command("check-config", "Validate the configuration and explain which file set which value") { quiet };
        checkConfig.SetAction((parse, _) => WithServices(parse, services => Task.FromResult(services.GetRequiredService<CheckConfigCommand>().Execute(parse.GetValue(quiet)))));
        root.Subcommands.Add(checkConfig);

        var probes = new Command("probes", "List every installed probe, whether it runs and why, and the fields it may emit") { _markdown };
        probes.SetAction((parse, _) => WithServices(parse, services => Task.FromResult(services.GetRequiredService<ProbesCommand>().Execute(parse.GetValue(_markdown)))));
        root.Subcommands.Add(probes);

        var schemaOutput = new Option<string?>("--output", "-o")
        {
            Description = "Write the schema file to FILE instead of standard output, atomically (a server watching FILE's directory never reads half of it)",
            HelpName = "FILE",
        };
        var schema = new Command("schema", "Print the fields of the installed probes as a schema file for the server") { schemaOutput };
        schema.SetAction((parse, _) => WithServices(parse, services => Task.FromResult(services.GetRequiredService<SchemaCommand>().Execute(parse.GetValue(schemaOutput)))));
        root.Subcommands.Add(schema);
        return root;
    }

    private async Task<int> WithServices(ParseResult parse, Func<IServiceProvider, Task<int>> command)
    {
        var settings = new InvocationSettings(
            parse.GetValue(_root) ?? "/",
            parse.GetValue(_configDir),
            parse.GetValue(_probeDirs) ?? [],
            parse.GetValue(_verbose))
        {
            StateDirectory = parse.GetValue(_stateDir) ?? "/var/lib/pinger",
            RuntimeDirectory = parse.GetValue(_runtimeDir) ?? "/run/pinger",
        };
        await using var logger = CreateLogger(settings);
        ServiceProvider services;
        try
        {
            using var wiring = PhaseTimings.Start("wire services");
            services = Services.Build(settings, _streams, logger);
        }
        catch (FormatException e)
        {
            logger.Error("{Problem}", e.Message);
            return ExitCodes.Usage;
        }

        await using (services)
        {
            try
            {
                using var running = PhaseTimings.Start("command");
                return await command(services).ConfigureAwait(false);
            }
            catch (StandardOutputClosedException)
            {
                // 'pinger probes | head -2': the reader has all it wanted; stop quietly.
                return ExitCodes.OutputClosed;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.Fatal(e, "internal error");
                return ExitCodes.Failure;
            }
            finally
            {
                PrintTimings();
            }
        }
    }

    private Serilog.Core.Logger CreateLogger(InvocationSettings settings)
    {
        using var phase = PhaseTimings.Start("set up logging");
        return LogSetup.Create(settings.Verbose, _streams.Error);
    }

    // PINGER_TIMINGS=1 shows where the time goes; the benchmark target reads it.
    private void PrintTimings()
    {
        if (!PhaseTimings.IsEnabled)
        {
            return;
        }

        foreach (var (phase, elapsed) in PhaseTimings.Phases)
        {
            _streams.Error.WriteLine($"pinger: timing: {phase}: {elapsed.TotalMilliseconds:0.0} ms");
        }

        var sinceStart = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
        _streams.Error.WriteLine($"pinger: timing: since process start: {sinceStart.TotalMilliseconds:0.0} ms");
    }
}
