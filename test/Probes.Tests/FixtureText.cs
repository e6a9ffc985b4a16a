using System.Text;

namespace Pinger.Probes.Tests;

/// <summary>
/// Everything written under a fixture directory: file contents, file names and symbolic-link targets. Links are
/// not followed, so the deliberately broken links of the unreadable root cannot loop the walk.
/// </summary>
internal sealed class FixtureText(string directory)
{
    private readonly string _text = Collect(directory);

    public bool Contains(string value) => _text.Contains(value, StringComparison.OrdinalIgnoreCase);

    private static string Collect(string directory)
    {
        var text = new StringBuilder();
        var pending = new Stack<string>([directory]);
        while (pending.TryPop(out var current))
        {
            foreach (var entry in new DirectoryInfo(current).EnumerateFileSystemInfos())
            {
                text.AppendLine(entry.Name);
                if (entry.LinkTarget is { } target)
                {
                    text.AppendLine(target);
                }
                else if (entry is DirectoryInfo)
                {
                    pending.Push(entry.FullName);
                }
                else
                {
                    text.AppendLine(File.ReadAllText(entry.FullName));
                }
            }
        }

        return text.ToString();
    }
}
