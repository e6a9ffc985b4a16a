using System.Diagnostics;
using Pinger.Core.Config;
using Pinger.Core.Discovery;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Running;

/// <summary>
/// Runs the probes that pass the gate, all at once, each within its time budget. A probe that throws, hangs
/// or emits what it must not is contained: its run says so and every other probe still reports.
/// </summary>
public sealed class ProbeRunner(MachineView machine, IProbeLogFactory logs)
{
    /// <summary>Runs every probe of <paramref name="probes"/> that <see cref="ProbeGate"/> lets through.</summary>
    public async Task<IReadOnlyList<ProbeRun>> RunAsync(
        IEnumerable<DiscoveredProbe> probes, EffectiveConfig config, CancellationToken cancellationToken)
    {
        var runs = probes
            .Where(p => ProbeGate.Decide(p, config).Runs)
            .Select(p => RunOneAsync(p, config, cancellationToken));
        return await Task.WhenAll(runs).ConfigureAwait(false);
    }

    /// <summary>Runs one probe at <paramref name="config"/>'s level, whatever the gate says.</summary>
    public async Task<ProbeRun> RunOneAsync(DiscoveredProbe probe, EffectiveConfig config, CancellationToken cancellationToken)
    {
        var descriptor = probe.Descriptor;
        var log = logs.For(descriptor.Id);
        var settings = new ProbeSettings(descriptor.Settings, config.ProbeConfigFor(descriptor.Id).SettingValues);
        var context = new ProbeContext(machine.Files, machine.Commands, machine.Clock, settings, config.Level, log);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stopwatch = Stopwatch.StartNew();

        // Task.Run so that a probe blocking before its first await cannot hold up the others.
        var collecting = Task.Run(() => probe.Probe.CollectAsync(context, budget.Token), budget.Token);
        try
        {
            var result = await collecting.WaitAsync(descriptor.TimeBudget, cancellationToken).ConfigureAwait(false);
            return Finish(descriptor, config.Level, result, stopwatch.Elapsed);
        }
        catch (TimeoutException)
        {
            await budget.CancelAsync().ConfigureAwait(false);
            Observe(collecting);
            return Problem(descriptor.Id, ProbeRunStatus.TimedOut,
                $"did not finish within its budget of {descriptor.TimeBudget.TotalMilliseconds:0} ms", stopwatch.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Problem(descriptor.Id, ProbeRunStatus.Crashed, "cancelled itself", stopwatch.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Problem(descriptor.Id, ProbeRunStatus.Crashed, PluginExceptionText.Describe(e), stopwatch.Elapsed);
        }
    }

    private static ProbeRun Finish(ProbeDescriptor descriptor, MetricsLevel level, ProbeResult? result, TimeSpan duration)
    {
        if (result is null)
        {
            return Problem(descriptor.Id, ProbeRunStatus.Crashed, "returned no result", duration);
        }

        return result.Outcome switch
        {
            ProbeOutcome.NotApplicable => new ProbeRun(descriptor.Id, ProbeRunStatus.NotApplicable, Empty, [], duration),
            ProbeOutcome.Failed => Problem(descriptor.Id, ProbeRunStatus.Failed, "failed: " + (result.Reason ?? "no reason given"), duration),
            _ => Collected(descriptor, level, result, duration),
        };
    }

    private static ProbeRun Collected(ProbeDescriptor descriptor, MetricsLevel level, ProbeResult result, TimeSpan duration)
    {
        var (accepted, problems) = ProbeOutputFilter.Filter(descriptor, level, result.Values);
        return problems.Count == 0
            ? new ProbeRun(descriptor.Id, ProbeRunStatus.Collected, accepted, [], duration)
            : new ProbeRun(descriptor.Id, ProbeRunStatus.Rejected, Empty, problems, duration);
    }

    private static ProbeRun Problem(string id, ProbeRunStatus status, string problem, TimeSpan duration) =>
        new(id, status, Empty, [problem], duration);

    // A probe abandoned after its budget may still fault later; observe it so it is not reported as unobserved.
    private static void Observe(Task task) => task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);

    private static readonly IReadOnlyDictionary<string, FieldValue> Empty = new Dictionary<string, FieldValue>();
}
