using System.Reflection;
using Pinger.Plugins.Sdk;
using Pinger.Probes.Testing;

namespace Pinger.Probes.Tests;

/// <summary>
/// Every probe of <c>Probes/</c>, found by its folder: <c>Probes/&lt;id&gt;/X.csproj</c> builds assembly X, which this
/// project references through a glob, and X holds the probe whose id is the folder's name.
/// </summary>
internal static class InTreeProbes
{
    /// <summary>The probe folders, each with its one project, in ordinal order of their names.</summary>
    public static IReadOnlyList<(string Folder, string Project)> Folders { get; } = Directory.GetDirectories(RepositoryPaths.Probes)
        .Select(folder => (Folder: Path.GetFileName(folder), Projects: Directory.GetFiles(folder, "*.csproj")))
        .Where(probe => probe.Projects.Length > 0)
        .Select(probe => (probe.Folder, Project: probe.Projects.Single()))
        .OrderBy(probe => probe.Folder, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The probe types the assembly of <paramref name="project"/> holds.</summary>
    public static IReadOnlyList<Type> TypesIn(string project) =>
        Assembly.Load(Path.GetFileNameWithoutExtension(project)).GetExportedTypes()
            .Where(type => typeof(IProbe).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false })
            .ToArray();

    /// <summary>A fresh instance of every probe, in the order of their folders.</summary>
    public static IReadOnlyList<IProbe> Create() =>
        Folders.SelectMany(probe => TypesIn(probe.Project)).Select(type => (IProbe)Activator.CreateInstance(type)!).ToArray();
}
