using System.Text.Json;
using Pinger.Plugins.Sdk;

namespace Pinger.Host.Delivery;

/// <summary>
/// The probes a server counted the report without, read from its 200 answer (<c>{"ignored_probes": [...]}</c>): the
/// server has no schema for them, so their values were left out. Only well-formed probe ids are taken, at most
/// <see cref="MostNames"/>, so nothing else the server says reaches the log.
/// </summary>
internal static class IgnoredProbes
{
    private const int MostBytesRead = 16 * 1024;
    private const int MostNames = 50;

    /// <summary>The probe ids the answer names; empty when it names none or is not such an answer.</summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != System.Net.HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return [];
        }

        var body = await AnswerBody.ReadPrefixAsync(response, MostBytesRead, cancellationToken).ConfigureAwait(false);

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("ignored_probes", out var names)
                || names.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return names.EnumerateArray()
                .Where(n => n.ValueKind == JsonValueKind.String && ProbeDescriptor.IsValidName(n.GetString()!))
                .Select(n => n.GetString()!)
                .Distinct(StringComparer.Ordinal)
                .Take(MostNames)
                .ToArray();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
