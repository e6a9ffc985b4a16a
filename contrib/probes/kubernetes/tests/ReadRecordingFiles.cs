using Pinger.Plugins.Sdk;

namespace Pinger.Contrib.Kubernetes.Tests;

/// <summary>Machine files that remember every file whose content was read, to prove credentials are left alone.</summary>
internal sealed class ReadRecordingFiles(IMachineFiles inner) : IMachineFiles
{
    private readonly List<string> _read = [];

    public IReadOnlyList<string> Read => _read;

    public string? ReadText(string path)
    {
        _read.Add(path);
        return inner.ReadText(path);
    }

    public bool Exists(string path) => inner.Exists(path);

    public bool IsDirectory(string path) => inner.IsDirectory(path);

    public IReadOnlyList<string> ListDirectory(string path) => inner.ListDirectory(path);

    public DateTimeOffset? LastWriteTime(string path) => inner.LastWriteTime(path);
}
