using Pinger.Protocol.Schema;

namespace Pinger.Server.Dashboard;

/// <summary>The fields of one probe that the shares section shows.</summary>
/// <param name="Probe">The probe as the field registry declares it.</param>
/// <param name="Fields">Its fields with their shares.</param>
public sealed record ProbeShares(ProbeSchema Probe, IReadOnlyList<FieldShares> Fields);
