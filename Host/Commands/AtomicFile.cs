using System.Text;

namespace Pinger.Host.Commands;

/// <summary>
/// Writes a file whole or not at all: the text goes to a hidden temporary file beside it (not <c>*.json</c>, so a server
/// watching the directory never loads it), flushed to disk, then renamed over the target in one step.
/// </summary>
public static class AtomicFile
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> (UTF-8, no byte order mark).</summary>
    public static void Write(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            // Left only when writing failed; after the rename there is nothing to remove.
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
