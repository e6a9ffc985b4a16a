using Pinger.Protocol.Reports;
using Pinger.Server.Configuration;
using Pinger.Server.Ingest;
using Pinger.Server.Registry;

namespace Pinger.Fuzzing.Reports;

/// <summary>
/// One body through <see cref="ReportReader"/> as POST /v1/reports hands it over. The documented outcomes are an
/// accepted report or a refusal (malformed or invalid) with 1 to 20 problems; any exception, or any other shape of result,
/// is a crash.
/// </summary>
internal sealed class ReportTarget(FieldRegistry registry)
{
    /// <summary>The golden reports' windows (test/fixtures/expected) are current at this instant.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private readonly ReportReader _reader = new(registry, Now, new ServerSettings().ClockSkew);
    private readonly int _maxBody = new ServerSettings().MaxBodyBytes;

    public string Check(byte[] body)
    {
        // Larger bodies are refused with 413 while they arrive and never reach the reader.
        if (body.Length > _maxBody)
        {
            return "413 (not read)";
        }

        var result = _reader.Read(body);
        switch (result.Verdict)
        {
            case ReportVerdict.Accepted when result.Report is { } report && result.Problems.Count == 0:
                if (report.Windows.Count is < 1 or > 3 || report.Nonce.Length != 22)
                {
                    throw new InvalidOperationException($"accepted a report with {report.Windows.Count} windows and a nonce of {report.Nonce.Length} characters");
                }

                return $"200 ({report.Values.Count} values in {report.Windows.Count} windows)";
            case ReportVerdict.Malformed or ReportVerdict.Invalid when result.Report is null && result.Problems.Count is >= 1 and <= ReportReader.MaxProblems:
                return $"{result.Verdict} " + string.Join("; ", result.Problems.Select(p => $"{p.Field}: {p.Problem}"));
            default:
                throw new InvalidOperationException($"undocumented outcome: {result.Verdict}, {result.Problems.Count} problems, report {(result.Report is null ? "absent" : "present")}");
        }
    }
}
