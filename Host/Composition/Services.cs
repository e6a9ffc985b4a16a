using Microsoft.Extensions.DependencyInjection;
using Pinger.Core.Config;
using Pinger.Core.Discovery;
using Pinger.Core.Reporting;
using Pinger.Core.Running;
using Pinger.Host.Cli;
using Pinger.Host.Commands;
using Pinger.Host.Logging;
using Pinger.Host.Machine;
using Pinger.Host.Notices;
using Pinger.Host.State;
using Pinger.Plugins.Sdk;
using Serilog;

namespace Pinger.Host.Composition;

/// <summary>Wires the host's services for one invocation.</summary>
public static class Services
{
    /// <summary>The service provider for <paramref name="settings"/>, logging through <paramref name="logger"/>.</summary>
    public static ServiceProvider Build(InvocationSettings settings, StandardStreams streams, ILogger logger)
    {
        var services = new ServiceCollection();
        services.AddSingleton(settings);
        services.AddSingleton(streams);
        services.AddSingleton(logger);
        services.AddSingleton<TimeProvider>(new ClockFromEnvironment(Environment.GetEnvironmentVariable("PINGER_NOW")));
        services.AddSingleton(new StateStore(settings.StateDirectory));
        services.AddSingleton(new HistoryLog(settings.StateDirectory));
        services.AddSingleton<FirstRunNotice>();
        services.AddSingleton(new RootedMachineFiles(settings.Root));
        services.AddSingleton<ICommandRunner>(settings.IsLiveRoot ? new ProcessCommandRunner() : new UnavailableCommandRunner());
        services.AddSingleton(p => new MachineView(
            p.GetRequiredService<RootedMachineFiles>(), p.GetRequiredService<ICommandRunner>(), p.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IProbeLogFactory, SerilogProbeLogFactory>();
        services.AddSingleton(p => settings.ConfigDirectory is { } directory
            ? ConfigDirectories.Only(directory, p.GetRequiredService<RootedMachineFiles>())
            : ConfigDirectories.Standard(
                p.GetRequiredService<RootedMachineFiles>(),
                // Below a --root, the root's own /usr/lib is the distribution's; on the live machine, the tree the binary is in.
                settings.IsLiveRoot ? ConfigSearchPaths.DistributionDirectoryBesideBinary() : null));
        services.AddSingleton<ConfigLoader>();
        services.AddSingleton<IProbeCatalogSource>(_ => new PluginProbeCatalogSource(ProbeSearchPaths.For(settings.ProbeDirectories)));
        services.AddSingleton<ProbeRunner>();
        services.AddSingleton<ReportPipeline>();
        services.AddSingleton<DiagnosticsPrinter>();
        services.AddSingleton<DryRunCommand>();
        services.AddSingleton<ExportCommand>();
        services.AddSingleton<CheckConfigCommand>();
        services.AddSingleton<ProbesCommand>();
        services.AddSingleton<SchemaCommand>();
        services.AddSingleton<RunCommand>();
        services.AddSingleton<HistoryCommand>();
        return services.BuildServiceProvider();
    }
}
