using System.Reflection;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Schema;
using Pinger.Server.Registry;

namespace Pinger.Dashboard.Tests.Infrastructure;

/// <summary>
/// The field declarations of every in-tree probe (Probes/&lt;id&gt;/, referenced by a glob), written as
/// <c>pinger schema</c> writes them for the published server.
/// </summary>
internal static class InTreeSchema
{
    public static string Json { get; } = SchemaFile.Write(Probes());

    public static FieldRegistry Registry => new(SchemaFile.Read(Json));

    private static IEnumerable<ProbeDescriptor> Probes() =>
        Directory.GetDirectories(Path.Combine(TestPaths.RepositoryRoot, "Probes"))
            .SelectMany(folder => Directory.GetFiles(folder, "*.csproj"))
            .Order(StringComparer.Ordinal)
            .SelectMany(project => Assembly.Load(Path.GetFileNameWithoutExtension(project)).GetExportedTypes())
            .Where(type => typeof(IProbe).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false })
            .Select(type => ((IProbe)Activator.CreateInstance(type)!).Descriptor);
}
