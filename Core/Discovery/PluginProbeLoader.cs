using System.Reflection;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Discovery;

/// <summary>
/// Loads probe plugins. A third-party plugin gets a load context of its own that shares only the SDK's types with the
/// host, so its dependencies never clash with the host's or another plugin's; the distribution's own probes, built
/// together and carrying no dependency of their own, share one context (<see cref="SharedContextRule"/>). A plugin that
/// fails to load is reported and skipped; it never stops the others, and a probe that hangs while being created is
/// abandoned once the load budget is spent.
/// </summary>
/// <param name="loadBudget">The most the probes' construction may take, all plugins together; a probe still being created then is left out.</param>
public sealed class PluginProbeLoader(TimeSpan loadBudget)
{
    /// <summary>Loads with <see cref="DefaultLoadBudget"/>.</summary>
    public PluginProbeLoader()
        : this(DefaultLoadBudget)
    {
    }

    /// <summary>The load budget of a real run: generous, since a healthy plugin loads in about a millisecond.</summary>
    public static TimeSpan DefaultLoadBudget { get; } = TimeSpan.FromSeconds(3);

    /// <summary>Loads every plugin below <paramref name="searchPaths"/>; a later path's probe id never replaces an earlier one.</summary>
    public ProbeCatalog Load(IEnumerable<ProbeSearchPath> searchPaths)
    {
        // One directory after the other: loading side by side was measured slower (the runtime's loader serialises
        // much of it), and only the plugin's own code, its probes' construction, needs a time limit.
        var deadline = new LoadDeadline(loadBudget);
        var shared = new SharedPluginContext();
        var probes = new List<DiscoveredProbe>();
        var failures = new List<ProbeLoadFailure>();
        var warnings = new List<string>();
        foreach (var searchPath in searchPaths.Where(s => Directory.Exists(s.Directory)))
        {
            warnings.AddRange(PluginLayoutCheck.OfSearchDirectory(searchPath.Directory));
            foreach (var directory in Directory.EnumerateDirectories(searchPath.Directory).Order(StringComparer.Ordinal))
            {
                warnings.AddRange(PluginLayoutCheck.OfPluginDirectory(directory));
                var loaded = LoadDirectory(directory, searchPath.Origin, deadline, shared);
                failures.AddRange(loaded.Failures);
                foreach (var probe in loaded.Probes)
                {
                    var twin = probes.FirstOrDefault(p => p.Id == probe.Id);
                    if (twin is not null)
                    {
                        failures.Add(new ProbeLoadFailure(Path.GetFileName(directory), probe.AssemblyPath,
                            $"probe id '{probe.Id}' is already provided by {twin.AssemblyPath}; this one is refused"));
                        continue;
                    }

                    probes.Add(probe);
                }
            }
        }

        return new ProbeCatalog(probes.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray(), failures) { Warnings = warnings };
    }

    private static PluginDirectoryLoad LoadDirectory(string directory, ProbeOrigin origin, LoadDeadline deadline, SharedPluginContext shared)
    {
        var name = Path.GetFileName(directory);
        var (assemblyPath, problem) = PluginDirectory.FindMainAssembly(directory);
        if (assemblyPath is null)
        {
            return PluginDirectoryLoad.Failed(new ProbeLoadFailure(name, directory, problem!));
        }

        IReadOnlyList<Type> probeTypes;
        Version sdkVersion;
        try
        {
            // Read from metadata before anything is loaded: a plugin for a newer host is refused without running it.
            var (referenced, notAProbe) = PluginSdkReference.Read(assemblyPath);
            if (referenced is null)
            {
                return PluginDirectoryLoad.Failed(new ProbeLoadFailure(name, assemblyPath, notAProbe!));
            }

            if (PluginSdkReference.Incompatibility(referenced, PluginSdkReference.HostVersion) is { } incompatible)
            {
                return PluginDirectoryLoad.Failed(new ProbeLoadFailure(name, assemblyPath, $"plugin '{name}' is {incompatible}"));
            }

            sdkVersion = PluginSdkReference.MajorMinor(referenced);
            probeTypes = ProbeTypes(LoadAssembly(assemblyPath, origin, referenced, shared));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return PluginDirectoryLoad.Failed(new ProbeLoadFailure(name, assemblyPath, Describe(e)));
        }

        var probes = new List<DiscoveredProbe>();
        var failures = new List<ProbeLoadFailure>();
        if (probeTypes.Count == 0)
        {
            failures.Add(new ProbeLoadFailure(name, assemblyPath, "the assembly contains no public IProbe implementation"));
        }

        // Each probe type is isolated: one whose constructor or descriptor throws does not take its neighbours down.
        foreach (var type in probeTypes)
        {
            try
            {
                // The plugin's own code runs here for the first time; on the thread pool, so that one that never
                // returns is abandoned when the load budget is spent instead of holding up the run.
                var creating = Task.Run(() =>
                {
                    var probe = (IProbe)Activator.CreateInstance(type)!;
                    return (Probe: probe, probe.Descriptor);
                });
                if (!deadline.Wait(creating))
                {
                    failures.Add(new ProbeLoadFailure(name, assemblyPath,
                        $"{type.FullName} did not finish being created within the load budget of {deadline.Budget.TotalMilliseconds:0} ms; left out"));
                    continue;
                }

                var (created, descriptor) = creating.Result;
                probes.Add(new DiscoveredProbe(created, descriptor, assemblyPath, origin) { SdkVersion = sdkVersion });
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add(new ProbeLoadFailure(name, assemblyPath, $"{type.FullName}: {PluginExceptionText.Describe(e)}"));
            }
        }

        return new PluginDirectoryLoad(probes, failures);
    }

    // Only the distribution's directory is trusted to hold probes built with the host; everything else is isolated.
    private static Assembly LoadAssembly(string assemblyPath, ProbeOrigin origin, Version referencedSdk, SharedPluginContext shared) =>
        origin == ProbeOrigin.Distribution
        && SharedContextRule.ReasonToIsolate(assemblyPath, referencedSdk) is null
        && shared.Conflict(assemblyPath) is null
            ? shared.Load(assemblyPath)
            : HostSharingPluginLoader.Create(assemblyPath).LoadDefaultAssembly();

    private static IReadOnlyList<Type> ProbeTypes(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IProbe).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();

    private static string Describe(Exception e) => e switch
    {
        TargetInvocationException { InnerException: { } inner } => Describe(inner),
        AggregateException { InnerException: { } inner } => Describe(inner),
        ReflectionTypeLoadException load => "types could not be loaded: " + string.Join("; ", load.LoaderExceptions.Select(x => x?.Message).Distinct()),
        BadImageFormatException => "not a .NET assembly: " + e.Message,
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
