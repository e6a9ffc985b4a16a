using System.Formats.Tar;
using System.IO.Compression;
using Pinger.Bench.Harness.Processes;

namespace Pinger.Bench.Harness.Packaging;

/// <summary>
/// The two sources of contrib/rpm/pinger.spec: Source0, the checkout's files as they are now (what the binaries were
/// built from), and Source1, the tree the Publish target laid out (the binaries the packages carry).
/// </summary>
internal static class RpmSources
{
    /// <summary>Every file git knows of in the working tree (tracked, or new and not ignored), below <paramref name="prefix"/>/.</summary>
    public static void WriteCheckout(string repositoryRoot, string prefix, string tarball)
    {
        var listing = ProcessCapture.Run("git", ["-C", repositoryRoot, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]);
        if (listing.ExitCode != 0)
        {
            throw new HarnessException($"git ls-files failed in {repositoryRoot} (the source tarball holds the files git knows of): {listing.Stderr.Trim()}");
        }

        // A tracked file deleted in the working tree is not part of the source as it is now.
        var files = listing.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(name => File.Exists(Path.Combine(repositoryRoot, name)) || new FileInfo(Path.Combine(repositoryRoot, name)).LinkTarget is not null)
            .Order(StringComparer.Ordinal);
        Write(tarball, files.Select(name => (Path.Combine(repositoryRoot, name), $"{prefix}/{name}")));
    }

    /// <summary>The published tree (files, directories and links, modes kept) below published/.</summary>
    public static void WritePublished(string publishedRoot, string tarball)
    {
        var entries = Directory.EnumerateFileSystemEntries(publishedRoot, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (path, "published/" + Path.GetRelativePath(publishedRoot, path)));
        Write(tarball, entries);
    }

    private static void Write(string tarball, IEnumerable<(string Path, string Name)> entries)
    {
        using var file = File.Create(tarball);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (path, name) in entries)
        {
            // Links are written as links, directories as directories, with their permissions.
            tar.WriteEntry(path, name);
        }
    }
}
