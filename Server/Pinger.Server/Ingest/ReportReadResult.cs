using Pinger.Server.Storage;

namespace Pinger.Server.Ingest;

/// <summary>A report ready to count, or the HTTP status and problems that refuse it.</summary>
public sealed record ReportReadResult(CountedReport? Report, int Status, IReadOnlyList<ReportProblem> Problems)
{
    /// <summary>A report that passed every check.</summary>
    public static ReportReadResult Accepted(CountedReport report) => new(report, 200, []);

    /// <summary>A body that is not a JSON object at all (400).</summary>
    public static ReportReadResult Malformed(string field, string problem) => new(null, 400, [new ReportProblem(field, problem)]);

    /// <summary>A well-formed report that breaks the rules (422).</summary>
    public static ReportReadResult Invalid(IReadOnlyList<ReportProblem> problems) => new(null, 422, problems);
}
