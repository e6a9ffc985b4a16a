namespace Pinger.Plugins.Sdk.Testing;

/// <summary>Keeps every line a probe logged, prefixed with its severity ("debug: ", "warning: ").</summary>
public sealed class RecordingProbeLog : IProbeLog
{
    private readonly List<string> _lines = [];

    /// <summary>The lines logged so far.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <inheritdoc />
    public void Debug(string message) => _lines.Add("debug: " + message);

    /// <inheritdoc />
    public void Warning(string message) => _lines.Add("warning: " + message);
}
