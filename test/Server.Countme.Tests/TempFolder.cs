using System.IO.Compression;
using System.Text;

namespace Pinger.Server.Countme.Tests;

/// <summary>A throwaway directory for the real files a test imports, plain or gzip-compressed.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("pinger-countme-").FullName;

    public string Write(string name, string content) => WriteBytes(name, Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Writes <paramref name="content"/> as gzip, split into one gzip member per part when asked
    /// (as logrotate's appended or concatenated archives are).</summary>
    public string WriteGzip(string name, params string[] members) => WriteBytes(name, Gzip(members));

    public static byte[] Gzip(params string[] members)
    {
        using var output = new MemoryStream();
        foreach (var member in members)
        {
            using var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
            gzip.Write(Encoding.UTF8.GetBytes(member));
        }
        return output.ToArray();
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
