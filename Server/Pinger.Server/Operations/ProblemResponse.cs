using Microsoft.AspNetCore.Http;
using Pinger.Protocol.Reports;

namespace Pinger.Server.Operations;

/// <summary>RFC 9457 problem details: every refusal says what is wrong in the same shape, and never repeats a value sent.</summary>
public static class ProblemResponse
{
    /// <summary>Writes a problem response.</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, IReadOnlyList<ReportProblem>? problems = null, TimeSpan? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var body = new Dictionary<string, object>
        {
            ["type"] = "about:blank",
            ["title"] = title,
            ["status"] = status,
        };
        if (problems is { Count: > 0 })
        {
            body["detail"] = string.Join("; ", problems.Select(p => $"{p.Field}: {p.Problem}"));
            body["errors"] = problems.Select(p => new Dictionary<string, string> { ["field"] = p.Field, ["problem"] = p.Problem }).ToArray();
        }

        return context.Response.WriteAsJsonAsync(body, options: null, contentType: "application/problem+json", context.RequestAborted);
    }
}
