namespace Pinger.Plugins.Sdk.Testing;

/// <summary>
/// A probe context over a fixture directory that stands for the machine's "/". Settings start at the
/// probe's declared defaults; pass <paramref name="settings"/> to override some.
/// </summary>
public sealed class FixtureProbeContext(
    string root,
    ProbeDescriptor descriptor,
    MetricsLevel level = MetricsLevel.Full,
    IReadOnlyDictionary<string, FieldValue>? settings = null,
    TimeProvider? clock = null) : IProbeContext
{
    /// <inheritdoc />
    public IMachineFiles Files { get; } = new RootedMachineFiles(root);

    /// <summary>The scripted command runner; add answers before running the probe.</summary>
    public FakeCommandRunner FakeCommands { get; } = new();

    /// <inheritdoc />
    public ICommandRunner Commands => FakeCommands;

    /// <inheritdoc />
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <inheritdoc />
    public IProbeSettings Settings { get; } = new ProbeSettings(descriptor.Settings, settings);

    /// <inheritdoc />
    public MetricsLevel Level { get; } = level;

    /// <summary>The recording log; read <see cref="RecordingProbeLog.Lines"/> in assertions.</summary>
    public RecordingProbeLog RecordedLog { get; } = new();

    /// <inheritdoc />
    public IProbeLog Log => RecordedLog;
}
