using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Hardware.Tests;

/// <summary>Machine files that remember every path a probe asked about, read, tested or listed.</summary>
internal sealed class RecordingMachineFiles(IMachineFiles inner) : IMachineFiles
{
    private readonly List<string> _touched = [];

    public IReadOnlyList<string> Touched => _touched;

    public string? ReadText(string path) => inner.ReadText(Touch(path));

    public bool Exists(string path) => inner.Exists(Touch(path));

    public bool IsDirectory(string path) => inner.IsDirectory(Touch(path));

    public IReadOnlyList<string> ListDirectory(string path) => inner.ListDirectory(Touch(path));

    public DateTimeOffset? LastWriteTime(string path) => inner.LastWriteTime(Touch(path));

    private string Touch(string path)
    {
        _touched.Add(path);
        return path;
    }
}
