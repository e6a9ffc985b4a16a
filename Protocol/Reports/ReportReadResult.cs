namespace Pinger.Protocol.Reports;

/// <summary>A report read and checked, or the verdict and problems that refuse it.</summary>
/// <param name="Report">The report; null unless the verdict is <see cref="ReportVerdict.Accepted"/>.</param>
/// <param name="Verdict">Accepted, malformed or invalid.</param>
/// <param name="Problems">What is wrong, at most <see cref="ReportReader.MaxProblems"/>; empty when accepted.</param>
public sealed record ReportReadResult(ReceivedReport? Report, ReportVerdict Verdict, IReadOnlyList<ReportProblem> Problems)
{
    /// <summary>A report that passed every check.</summary>
    public static ReportReadResult Accepted(ReceivedReport report) => new(report, ReportVerdict.Accepted, []);

    /// <summary>A body that is not a JSON object at all.</summary>
    public static ReportReadResult Malformed(string field, string problem) => new(null, ReportVerdict.Malformed, [new ReportProblem(field, problem)]);

    /// <summary>A well-formed report that breaks the rules.</summary>
    public static ReportReadResult Invalid(IReadOnlyList<ReportProblem> problems) => new(null, ReportVerdict.Invalid, problems);
}
