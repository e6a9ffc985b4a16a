using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;

namespace Pinger.Probes.Tests;

/// <summary>One probe run on a fixture root: the probe, the context it saw (with its log) and what it returned.</summary>
internal sealed record ProbeRun(IProbe Probe, FixtureProbeContext Context, ProbeResult Result);
