using Microsoft.AspNetCore.Http;
using Pinger.Protocol.Reports;

namespace Pinger.Server.Ingest;

/// <summary>
/// The answer to a counted report: 204 when every probe in it was counted, else 200 with a JSON body naming the probes
/// this server does not know, whose values were left out and never stored (<c>{"ignored_probes": ["acme-cluster"]}</c>).
/// </summary>
public static class CountedAnswer
{
    /// <summary>The member of the 200 body that lists the ignored probe ids.</summary>
    public const string IgnoredProbes = "ignored_probes";

    /// <summary>Writes the answer for <paramref name="report"/>, counted.</summary>
    public static Task WriteAsync(HttpContext context, ReceivedReport report)
    {
        if (report.IgnoredProbes.Count == 0)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        var body = new Dictionary<string, IReadOnlyList<string>> { [IgnoredProbes] = report.IgnoredProbes };
        return context.Response.WriteAsJsonAsync(body, options: null, contentType: "application/json", context.RequestAborted);
    }
}
