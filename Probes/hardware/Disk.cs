namespace Pinger.Probes.Hardware;

/// <summary>One physical disk: its size and whether the kernel says it spins (null when that cannot be read).</summary>
internal sealed record Disk(long Bytes, bool? Rotational);
