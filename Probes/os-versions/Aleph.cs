using System.Text.Json;
using Pinger.Plugins.Sdk;

namespace Pinger.Probes.OsVersions;

/// <summary>
/// What the install-time "aleph" file says: the build the machine was installed with and its stream. Fedora CoreOS
/// writes <c>/sysroot/.coreos-aleph-version.json</c> (old images name the build "build", newer ones "version", and
/// newer ones make the file a link); <c>bootc install</c> writes <c>/sysroot/.bootc-aleph.json</c>.
/// </summary>
internal sealed record Aleph(string? Version, string? Stream)
{
    // In rpm-ostree's order: the CoreOS file wins when both exist.
    private static readonly string[] Paths = ["/sysroot/.coreos-aleph-version.json", "/sysroot/.bootc-aleph.json"];

    /// <summary>The first aleph file that holds a JSON object, or null when there is none.</summary>
    public static Aleph? Read(IMachineFiles files, IProbeLog log)
    {
        foreach (var path in Paths)
        {
            var text = files.ReadText(path);
            if (text is null)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    var root = document.RootElement;
                    return new Aleph(
                        StringProperty(root, "version") ?? StringProperty(root, "build"),
                        UpdateStream.FromAleph(root));
                }
            }
            catch (JsonException)
            {
                // Fall through to the next file; the parser's message could quote the file, so it is not logged.
            }

            log.Debug($"Skipped {path}: it is not a JSON object.");
        }

        return null;
    }

    /// <summary>The string value of <paramref name="name"/>, or null when absent, empty or not a string.</summary>
    public static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
