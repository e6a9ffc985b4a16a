namespace Pinger.Host.Delivery;

/// <summary>
/// The first bytes of a server's answer, never more: what the client reads of an answer (a refusal's reason, the
/// probes a server ignored) is bounded, whatever the server sends.
/// </summary>
internal static class AnswerBody
{
    /// <summary>Up to <paramref name="mostBytes"/> bytes of <paramref name="response"/>'s body.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadPrefixAsync(HttpResponseMessage response, int mostBytes, CancellationToken cancellationToken)
    {
        var body = new byte[mostBytes];
        var length = 0;
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        int read;
        while (length < body.Length && (read = await stream.ReadAsync(body.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        return body.AsMemory(0, length);
    }
}
