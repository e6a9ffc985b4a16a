using System.Text.Json;
using Pinger.Plugins.Sdk;

namespace Pinger.Probes.OsVersions;

/// <summary>The Fedora CoreOS update stream recorded in an aleph file.</summary>
internal static class UpdateStream
{
    public const string Other = "other";

    /// <summary>The streams Fedora CoreOS publishes, production and development.</summary>
    public static IReadOnlyList<string> Known { get; } = ["stable", "testing", "next", "testing-devel", "next-devel", "rawhide", "branched"];

    /// <summary>
    /// A known stream, <see cref="Other"/> for a Fedora CoreOS stream not in <see cref="Known"/>, or null when the
    /// file names no Fedora CoreOS stream (another OS, or an image archive with no tag).
    /// </summary>
    public static string? FromAleph(JsonElement aleph)
    {
        var stream = StreamLabel(aleph)
            ?? FromReference(Aleph.StringProperty(aleph, "ref"))
            ?? FromReference(Aleph.StringProperty(aleph, "target-image"));
        return stream is null ? null : Coarsen.AllowListed(stream, Known, Other);
    }

    // Images built from a container carry the stream as a label: under "container-image" in the CoreOS file,
    // at the top of the bootc one.
    private static string? StreamLabel(JsonElement aleph)
    {
        const string Label = "com.coreos.stream";
        var containerImage = aleph.TryGetProperty("container-image", out var image) ? image : default;
        var labels = containerImage.ValueKind == JsonValueKind.Object && containerImage.TryGetProperty("image-labels", out var imageLabels)
            ? imageLabels
            : aleph.TryGetProperty("labels", out var topLabels) ? topLabels : default;
        return Aleph.StringProperty(labels, Label);
    }

    // "fedora/x86_64/coreos/testing-devel" (an ostree ref) or
    // "ostree-image-signed:docker://quay.io/fedora/fedora-coreos:stable" (a container image tagged by stream).
    private static string? FromReference(string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        var parts = reference.Split('/');
        if (parts is ["fedora", _, "coreos", { Length: > 0 } stream])
        {
            return stream;
        }

        var image = parts[^1].Split(':');
        return image is ["fedora-coreos", { Length: > 0 } tag] ? tag : null;
    }
}
