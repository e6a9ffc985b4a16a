using Pinger.Plugins.Sdk;

namespace Pinger.Protocol.Schema;

/// <summary>One probe's fields as a schema file carries them: what a server needs to validate and count reports.</summary>
/// <param name="ProbeId">The probe's id.</param>
/// <param name="Description">What the probe looks at.</param>
/// <param name="Fields">Its field declarations, with the same checks the host applies.</param>
public sealed record ProbeSchema(string ProbeId, string Description, IReadOnlyList<FieldDeclaration> Fields);
