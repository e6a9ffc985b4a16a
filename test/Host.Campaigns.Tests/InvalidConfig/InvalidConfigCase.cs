using Pinger.Host.Campaigns.Tests.Infrastructure;

namespace Pinger.Host.Campaigns.Tests.InvalidConfig;

/// <summary>
/// One invalid configuration: the drop-ins it writes on a machine (on top of a valid distribution default that names
/// the loopback server), and the file and line the error must name. <paramref name="NotNamed"/> is a file that must
/// not be named (masked or replaced).
/// </summary>
internal sealed record InvalidConfigCase(string Name, Action<Machine> Write, string File, int Line, string? NotNamed = null)
{
    public override string ToString() => Name;
}
