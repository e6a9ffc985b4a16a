using System.Text;

namespace Pinger.Host.Export;

/// <summary>
/// Replaces a file in node_exporter's textfile directory at once: the text goes to a temporary file in the same
/// directory (named so that the collector, which reads only <c>*.prom</c>, never picks it up), is flushed to disk,
/// and is renamed over the old file, so a scrape sees the old file or the new one, never half of one.
/// </summary>
public static class TextfileWriter
{
    /// <summary>The file the textfile collector reads.</summary>
    public const string FileName = "pinger.prom";

    // Readable by node_exporter, which runs as its own user; written only by root (or whoever runs pinger export).
    private const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Writes <paramref name="text"/> to <see cref="FileName"/> in <paramref name="directory"/>; returns the file's path.</summary>
    public static string Replace(string directory, string text)
    {
        var target = Path.Combine(directory, FileName);
        var temporary = Path.Combine(directory, $".{FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = Mode };
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(new UTF8Encoding(false).GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
            return target;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
