using Pinger.Configuration;
using Pinger.Core.Config;
using Pinger.Core.Discovery;
using Pinger.Core.Running;
using Pinger.Core.Windows;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;

namespace Pinger.Core.Reporting;

/// <summary>
/// The one way a report comes to be, for <c>pinger run</c> and <c>pinger --dry-run</c> alike: the config files are
/// read once and the level decided before any plugin loads; the plan (windows, age bucket, nonce) comes from what
/// was counted before; plugins load and the probe tables are checked on the same parsed files; the probes run; the
/// report is assembled and serialized here only. Sending is not part of it, so a dry-run shows the bytes a run sends.
/// </summary>
public sealed class ReportPipeline(ConfigLoader configLoader, IProbeCatalogSource probes, ProbeRunner runner, RootedMachineFiles files, TimeProvider clock)
{
    /// <summary>Builds the report, or says where and why it stopped.</summary>
    /// <param name="purpose">Whether the report is to be sent now or shown.</param>
    /// <param name="readState">What was counted before, read at the given time; called only when a report may be built.</param>
    /// <param name="cancellationToken">Stops the probe runs.</param>
    public async Task<ReportBuild> BuildAsync(ReportPurpose purpose, Func<DateTimeOffset, PingerState> readState, CancellationToken cancellationToken)
    {
        ConfigFiles configFiles;
        ConfigLoadResult levelCheck;
        using (PhaseTimings.Start("read config"))
        {
            configFiles = configLoader.Read();
            levelCheck = ConfigLoader.Check(configFiles, KnownProbes.NotLoaded);
        }

        // The level decides whether plugins are loaded at all, so it is read before touching them.
        if (levelCheck.Config is { Level: MetricsLevel.Off })
        {
            return Stopped(ReportBuildStatus.ReportingOff, levelCheck);
        }

        if (purpose == ReportPurpose.Send && levelCheck.Config is { Server: null })
        {
            return Stopped(ReportBuildStatus.NoServer, levelCheck);
        }

        var now = clock.GetUtcNow();
        PingerState state;
        ReportPlan plan;
        using (PhaseTimings.Start("read state and plan"))
        {
            state = readState(now);
            plan = ReportPlan.For(state, now, SystemEpoch.From(files));
        }

        // An invalid config goes on, so that its probe tables are checked too and every error is reported at once.
        if (purpose == ReportPurpose.Send && levelCheck.IsValid && !plan.IsDueNow)
        {
            return Stopped(ReportBuildStatus.AlreadyCounted, levelCheck) with { State = state, Plan = plan };
        }

        var catalog = probes.Load();
        ConfigLoadResult probeCheck;
        using (PhaseTimings.Start("check probe settings"))
        {
            probeCheck = ConfigLoader.Check(configFiles, catalog.AsKnownProbes());
        }

        if (probeCheck.Config is not { } config)
        {
            return Stopped(ReportBuildStatus.InvalidConfig, probeCheck) with { Catalog = catalog, State = state, Plan = plan };
        }

        IReadOnlyList<ProbeRun> runs;
        using (PhaseTimings.Start("run probes"))
        {
            runs = await runner.RunAsync(catalog.Probes, config, cancellationToken).ConfigureAwait(false);
        }

        using var serializing = PhaseTimings.Start("assemble and serialize");
        var atLevel = catalog.Probes
            .Where(p => ProbeGate.Decide(p, config).Runs)
            .SelectMany(p => p.Descriptor.Fields.Where(f => f.Level <= config.Level).Select(f => (p.Descriptor.Id, f)));
        var newFields = NewFieldGate.Decide(atLevel, config.Level, state.Fields, now);
        var contents = plan.Apply(ReportAssembler.Assemble(config.Level, newFields.Withhold(runs)));
        var report = ReportWriter.Write(contents);
        return new ReportBuild(ReportBuildStatus.Built, probeCheck, catalog, runs, state, plan, report) { NewFields = newFields, Contents = contents };
    }

    private static ReportBuild Stopped(ReportBuildStatus status, ConfigLoadResult config) =>
        new(status, config, ProbeCatalog.Empty, [], null, null, null);
}
