using System.Text;
using System.Text.Json;

namespace Pinger.Host.Delivery;

/// <summary>
/// The reason in a refusal's problem details (RFC 9457): its title and each problem's field path and text, as
/// <c>pinger-server</c> writes them. Values are never taken: the server does not repeat them, and any other member of
/// the body is ignored, so nothing but field names and problem texts reaches the log and the history.
/// </summary>
internal static class RefusalReason
{
    private const int MostBytesRead = 16 * 1024;
    private const int MostCharacters = 1000;

    /// <summary>The reason in <paramref name="response"/>'s body, or null when it holds no problem details.</summary>
    public static async Task<string?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not ("application/problem+json" or "application/json"))
        {
            return null;
        }

        var body = await AnswerBody.ReadPrefixAsync(response, MostBytesRead, cancellationToken).ConfigureAwait(false);

        try
        {
            using var document = JsonDocument.Parse(body);
            return Describe(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Describe(JsonElement problem)
    {
        if (problem.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var parts = new List<string>();
        if (problem.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
        {
            parts.Add(Clean(title.GetString()!));
        }

        if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                var field = Text(error, "field");
                var text = Text(error, "problem");
                if (field is not null || text is not null)
                {
                    parts.Add($"{Clean(field ?? "?")}: {Clean(text ?? "?")}");
                }
            }
        }

        if (parts.Count == 0)
        {
            return null;
        }

        var reason = string.Join("; ", parts);
        return reason.Length <= MostCharacters ? reason : reason[..MostCharacters] + "…";
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // One line of printable text: a server's answer must not forge log lines or terminal escapes.
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            clean.Append(char.IsControl(c) ? ' ' : c);
        }

        return clean.ToString().Trim();
    }
}
