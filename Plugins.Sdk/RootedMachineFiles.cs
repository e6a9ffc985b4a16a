namespace Pinger.Plugins.Sdk;

/// <summary>
/// <see cref="IMachineFiles"/> over a directory that stands for the machine's "/". Every path component is
/// resolved by hand so that symbolic links, absolute or relative, and <c>..</c> stay inside the root,
/// the way <c>chroot</c> would see them.
/// </summary>
public sealed class RootedMachineFiles : IMachineFiles
{
    private const int MaxLinkHops = 40;
    private const int MaxReadChars = 4 * 1024 * 1024;

    /// <summary>Serves the files below <paramref name="root"/> ("/" for the live system).</summary>
    public RootedMachineFiles(string root)
    {
        Root = Path.GetFullPath(root).TrimEnd('/');
    }

    /// <summary>The host directory that stands for "/"; empty for the live root.</summary>
    public string Root { get; }

    /// <inheritdoc />
    public string? ReadText(string path)
    {
        var hostPath = Resolve(path);
        if (hostPath is null)
        {
            return null;
        }

        try
        {
            // Files under /proc and /sys report no length, so read until the end, up to a cap.
            using var stream = new FileStream(hostPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.None);
            using var reader = new StreamReader(stream);
            var text = new System.Text.StringBuilder();
            var chunk = new char[4096];
            int read;
            while (text.Length < MaxReadChars && (read = reader.Read(chunk, 0, chunk.Length)) > 0)
            {
                text.Append(chunk, 0, Math.Min(read, MaxReadChars - text.Length));
            }

            return text.ToString();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public bool Exists(string path)
    {
        var hostPath = Resolve(path);
        return hostPath is not null && (File.Exists(hostPath) || Directory.Exists(hostPath));
    }

    /// <inheritdoc />
    public bool IsDirectory(string path)
    {
        var hostPath = Resolve(path);
        return hostPath is not null && Directory.Exists(hostPath);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ListDirectory(string path)
    {
        var hostPath = Resolve(path);
        if (hostPath is null || !Directory.Exists(hostPath))
        {
            return [];
        }

        try
        {
            return Directory.EnumerateFileSystemEntries(hostPath)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal)
                .ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <inheritdoc />
    public DateTimeOffset? LastWriteTime(string path)
    {
        var hostPath = Resolve(path);
        if (hostPath is null || !(File.Exists(hostPath) || Directory.Exists(hostPath)))
        {
            return null;
        }

        return new DateTimeOffset(File.GetLastWriteTimeUtc(hostPath), TimeSpan.Zero);
    }

    /// <summary>
    /// The target of <paramref name="path"/> when its last component is a symbolic link (as written in the
    /// link, not resolved), else null. Used to recognise masking links to <c>/dev/null</c>.
    /// </summary>
    public string? LinkTarget(string path)
    {
        var parent = Resolve(ParentOf(path));
        if (parent is null)
        {
            return null;
        }

        var node = Path.Combine(parent, Path.GetFileName(path.TrimEnd('/')));
        try
        {
            return new FileInfo(node).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The host path of <paramref name="path"/> with every link resolved inside the root, or null when the
    /// links loop or cannot be read. The result need not exist.
    /// </summary>
    public string? Resolve(string path)
    {
        var pending = new LinkedList<string>(Components(path));
        var resolved = new List<string>();
        var hops = 0;
        while (pending.First is { } first)
        {
            pending.RemoveFirst();
            var component = first.Value;
            if (component == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            var candidate = HostPath(resolved, component);
            string? target;
            try
            {
                target = new FileInfo(candidate).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            if (target is null)
            {
                resolved.Add(component);
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            if (target.StartsWith('/'))
            {
                resolved.Clear();
            }

            foreach (var part in Components(target).Reverse())
            {
                pending.AddFirst(part);
            }
        }

        return HostPath(resolved, null);
    }

    private string HostPath(List<string> components, string? last)
    {
        var relative = string.Join('/', last is null ? components : components.Append(last));
        return Root + "/" + relative;
    }

    private static string ParentOf(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash <= 0 ? "/" : trimmed[..slash];
    }

    private static IEnumerable<string> Components(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(c => c != ".");
}
