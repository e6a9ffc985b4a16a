using System.Text.Json;

namespace Pinger.Core.Discovery;

/// <summary>
/// Checks a plugin's <c>.deps.json</c> before the runtime's dependency resolver reads it: that native resolver
/// aborts the whole process on some malformed manifests (a library entry without its <c>type</c>,
/// <c>serviceable</c> or <c>sha512</c>), so one broken plugin could otherwise kill the host.
/// </summary>
public static class DependencyManifestCheck
{
    /// <summary>Null when the manifest has the shape the resolver needs, else what is wrong.</summary>
    public static string? Problem(string depsJsonPath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(depsJsonPath));
            return ShapeProblem(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return "unreadable: " + e.Message;
        }
    }

    private static string? ShapeProblem(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("runtimeTarget", out var runtimeTarget) || runtimeTarget.ValueKind != JsonValueKind.Object
            || !runtimeTarget.TryGetProperty("name", out var targetName) || targetName.ValueKind != JsonValueKind.String)
        {
            return "no runtimeTarget.name";
        }

        if (!root.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("libraries", out var libraries) || libraries.ValueKind != JsonValueKind.Object)
        {
            return "no targets or libraries object";
        }

        foreach (var target in targets.EnumerateObject())
        {
            if (target.Value.ValueKind != JsonValueKind.Object || target.Value.EnumerateObject().Any(l => l.Value.ValueKind != JsonValueKind.Object))
            {
                return $"target '{target.Name}' is not an object of library objects";
            }
        }

        foreach (var library in libraries.EnumerateObject())
        {
            var entry = library.Value;
            if (entry.ValueKind != JsonValueKind.Object
                || !Has(entry, "type", JsonValueKind.String)
                || !Has(entry, "sha512", JsonValueKind.String)
                || !(Has(entry, "serviceable", JsonValueKind.True) || Has(entry, "serviceable", JsonValueKind.False)))
            {
                return $"library '{library.Name}' lacks type, serviceable or sha512";
            }

            if (OptionalNotString(entry, "path") || OptionalNotString(entry, "hashPath"))
            {
                return $"library '{library.Name}' has a path that is not a string";
            }
        }

        return null;
    }

    private static bool Has(JsonElement element, string name, JsonValueKind kind) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == kind;

    private static bool OptionalNotString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null);
}
