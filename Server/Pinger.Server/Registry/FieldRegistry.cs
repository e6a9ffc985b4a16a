using Pinger.Plugins.Sdk;
using Pinger.Protocol.Schema;

namespace Pinger.Server.Registry;

/// <summary>
/// The fields the server accepts, by probe id then field name: an immutable snapshot, swapped whole on reload so a
/// report is always checked against one consistent registry.
/// </summary>
public sealed class FieldRegistry : IFieldLookup
{
    private readonly Dictionary<string, Dictionary<string, FieldDeclaration>> _probes;

    /// <summary>A registry of <paramref name="probes"/>; a probe named twice keeps its last definition.</summary>
    public FieldRegistry(IEnumerable<ProbeSchema> probes)
    {
        _probes = new Dictionary<string, Dictionary<string, FieldDeclaration>>(StringComparer.Ordinal);
        var schemas = new Dictionary<string, ProbeSchema>(StringComparer.Ordinal);
        foreach (var probe in probes)
        {
            _probes[probe.ProbeId] = probe.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            schemas[probe.ProbeId] = probe;
        }

        Probes = schemas.Values.OrderBy(p => p.ProbeId, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every known probe with its description and fields, by id: what the public dashboard explains.</summary>
    public IReadOnlyList<ProbeSchema> Probes { get; }

    /// <summary>A registry that accepts nothing.</summary>
    public static FieldRegistry Empty { get; } = new([]);

    /// <summary>How many probes are known.</summary>
    public int ProbeCount => _probes.Count;

    /// <summary>Whether <paramref name="probeId"/> is known.</summary>
    public bool HasProbe(string probeId) => _probes.ContainsKey(probeId);

    /// <summary>The declaration of one field, or null when unknown.</summary>
    public FieldDeclaration? Find(string probeId, string field) =>
        _probes.TryGetValue(probeId, out var fields) && fields.TryGetValue(field, out var declaration) ? declaration : null;
}
