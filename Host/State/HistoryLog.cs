using System.Text.Json;

namespace Pinger.Host.State;

/// <summary>
/// The reports this machine actually sent, newest last, in <c>history.jsonl</c> of the state directory:
/// at most <see cref="Capacity"/> entries, readable by root only, so an admin can audit every byte that left.
/// </summary>
public sealed class HistoryLog(string directory)
{
    /// <summary>How many entries are kept.</summary>
    public const int Capacity = 50;

    /// <summary>The log file's path.</summary>
    public string FilePath => Path.Combine(directory, "history.jsonl");

    /// <summary>Every kept entry, oldest first; unreadable lines are skipped.</summary>
    public IReadOnlyList<HistoryEntry> Read()
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        return File.ReadAllLines(FilePath)
            .Select(TryParse)
            .OfType<HistoryEntry>()
            .ToArray();
    }

    /// <summary>Adds <paramref name="entry"/>, dropping the oldest beyond <see cref="Capacity"/>; the file is replaced atomically.</summary>
    public void Append(HistoryEntry entry)
    {
        Directory.CreateDirectory(directory);

        // Old lines are kept as they are, unparsed: appending is on the path of every report sent.
        var kept = File.Exists(FilePath) ? File.ReadAllLines(FilePath).Where(l => l.Length > 0) : [];
        var lines = kept.Append(HistoryLineWriter.Write(entry)).TakeLast(Capacity);
        var temporary = FilePath + ".tmp";
        File.WriteAllLines(temporary, lines);
        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, FilePath, overwrite: true);
    }

    private static HistoryEntry? TryParse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, HistoryJson.Default.HistoryEntry);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
