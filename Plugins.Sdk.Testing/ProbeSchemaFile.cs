using Pinger.Protocol.Schema;

namespace Pinger.Plugins.Sdk.Testing;

/// <summary>
/// The schema file a server needs for a probe: the same JSON <c>pinger schema --probe-dir DIR</c> prints for the probes
/// of DIR. Commit the file and assert in a test that it still equals <see cref="Of"/>, so a changed declaration never
/// reaches servers with a stale schema (which would refuse every report carrying the new field).
/// </summary>
public static class ProbeSchemaFile
{
    /// <summary>The schema file for <paramref name="probes"/> (every probe of one plugin), as <c>pinger schema</c> writes it.</summary>
    public static string Of(params IProbe[] probes)
    {
        ArgumentNullException.ThrowIfNull(probes);
        return SchemaFile.Write(probes.Select(p => p.Descriptor));
    }
}
