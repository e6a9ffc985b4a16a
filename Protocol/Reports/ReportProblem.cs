namespace Pinger.Protocol.Reports;

/// <summary>One thing wrong with a report: where (a JSON path such as <c>probes.platform.id</c>) and what, never the value.</summary>
public sealed record ReportProblem(string Field, string Problem);
