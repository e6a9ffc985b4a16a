using Pinger.Plugins.Sdk;

namespace Pinger.Core.Running;

/// <summary>What every probe shares: the machine's files, its programs and the clock.</summary>
public sealed record MachineView(IMachineFiles Files, ICommandRunner Commands, TimeProvider Clock);
