using System.Reflection;
using McMaster.NETCore.Plugins;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Discovery;

/// <summary>
/// Loads probe plugins, each in its own load context that shares only the SDK's types with the host, so a
/// plugin's dependencies never clash with the host's or another plugin's. A plugin that fails to load is
/// reported and skipped; it never stops the others.
/// </summary>
public sealed class PluginProbeLoader
{
    /// <summary>Loads every plugin below <paramref name="searchPaths"/>; a later path's probe id never replaces an earlier one.</summary>
    public ProbeCatalog Load(IEnumerable<ProbeSearchPath> searchPaths)
    {
        var probes = new List<DiscoveredProbe>();
        var failures = new List<ProbeLoadFailure>();
        foreach (var searchPath in searchPaths)
        {
            if (!Directory.Exists(searchPath.Directory))
            {
                continue;
            }

            foreach (var directory in Directory.EnumerateDirectories(searchPath.Directory).Order(StringComparer.Ordinal))
            {
                LoadDirectory(directory, searchPath.Origin, probes, failures);
            }
        }

        return new ProbeCatalog(probes.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray(), failures);
    }

    private static void LoadDirectory(string directory, ProbeOrigin origin, List<DiscoveredProbe> probes, List<ProbeLoadFailure> failures)
    {
        var name = Path.GetFileName(directory);
        var (assemblyPath, problem) = PluginDirectory.FindMainAssembly(directory);
        if (assemblyPath is null)
        {
            failures.Add(new ProbeLoadFailure(name, directory, problem!));
            return;
        }

        IReadOnlyList<Type> probeTypes;
        Version sdkVersion;
        try
        {
            // Read from metadata before anything is loaded: a plugin for a newer host is refused without running it.
            var (referenced, notAProbe) = PluginSdkReference.Read(assemblyPath);
            if (referenced is null)
            {
                failures.Add(new ProbeLoadFailure(name, assemblyPath, notAProbe!));
                return;
            }

            if (PluginSdkReference.Incompatibility(referenced, PluginSdkReference.HostVersion) is { } incompatible)
            {
                failures.Add(new ProbeLoadFailure(name, assemblyPath, $"plugin '{name}' is {incompatible}"));
                return;
            }

            sdkVersion = referenced;
            probeTypes = ProbeTypes(assemblyPath);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures.Add(new ProbeLoadFailure(name, assemblyPath, Describe(e)));
            return;
        }

        if (probeTypes.Count == 0)
        {
            failures.Add(new ProbeLoadFailure(name, assemblyPath, "the assembly contains no public IProbe implementation"));
        }

        // Each probe type is isolated: one whose constructor or descriptor throws does not take its neighbours down.
        foreach (var type in probeTypes)
        {
            try
            {
                var probe = (IProbe)Activator.CreateInstance(type)!;
                var descriptor = probe.Descriptor;
                var twin = probes.FirstOrDefault(p => p.Id == descriptor.Id);
                if (twin is not null)
                {
                    failures.Add(new ProbeLoadFailure(name, assemblyPath,
                        $"probe id '{descriptor.Id}' is already provided by {twin.AssemblyPath}; this one is refused"));
                    continue;
                }

                probes.Add(new DiscoveredProbe(probe, descriptor, assemblyPath, origin) { SdkVersion = sdkVersion });
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add(new ProbeLoadFailure(name, assemblyPath, $"{type.FullName}: {Describe(e)}"));
            }
        }
    }

    private static IReadOnlyList<Type> ProbeTypes(string assemblyPath)
    {
        var loader = PluginLoader.CreateFromAssemblyFile(
            assemblyPath,
            sharedTypes: [typeof(IProbe)],
            configure: config => config.PreferSharedTypes = true);
        return loader.LoadDefaultAssembly().GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IProbe).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
    }

    private static string Describe(Exception e) => e switch
    {
        TargetInvocationException { InnerException: { } inner } => Describe(inner),
        ReflectionTypeLoadException load => "types could not be loaded: " + string.Join("; ", load.LoaderExceptions.Select(x => x?.Message).Distinct()),
        BadImageFormatException => "not a .NET assembly: " + e.Message,
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
