namespace Pinger.Plugins.Sdk;

/// <summary>
/// Read-only access to the machine's files, below a root that is "/" on a live system and a fixture
/// directory in tests. Paths are absolute as seen on the machine (<c>/etc/os-release</c>); symbolic links
/// are resolved inside the root, so an absolute link never escapes it.
/// </summary>
public interface IMachineFiles
{
    /// <summary>The file's text, or null when it does not exist or cannot be read.</summary>
    string? ReadText(string path);

    /// <summary>Whether a file, directory or other node exists at <paramref name="path"/>.</summary>
    bool Exists(string path);

    /// <summary>Whether <paramref name="path"/> is a directory.</summary>
    bool IsDirectory(string path);

    /// <summary>The names (not paths) of the entries of a directory, sorted; empty when it does not exist or cannot be read.</summary>
    IReadOnlyList<string> ListDirectory(string path);

    /// <summary>The last modification time, or null when the node does not exist.</summary>
    DateTimeOffset? LastWriteTime(string path);
}
