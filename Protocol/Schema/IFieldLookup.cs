using Pinger.Plugins.Sdk;

namespace Pinger.Protocol.Schema;

/// <summary>The field declarations a report is checked against: a server's registry, or the probes a client loaded.</summary>
public interface IFieldLookup
{
    /// <summary>Whether <paramref name="probeId"/> is known.</summary>
    bool HasProbe(string probeId);

    /// <summary>The declaration of one field, or null when unknown.</summary>
    FieldDeclaration? Find(string probeId, string field);
}
