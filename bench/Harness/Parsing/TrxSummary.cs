using System.Globalization;
using System.Xml.Linq;

namespace Pinger.Bench.Harness.Parsing;

/// <summary>The counters, outcome and failures of one TRX file (one test project's run).</summary>
internal sealed class TrxSummary
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public string Assembly { get; private init; } = "?";

    public string Outcome { get; private init; } = string.Empty;

    /// <summary>The first line of the run's error (a crashed test host), prefixed with ": "; empty without one.</summary>
    public string RunError { get; private init; } = string.Empty;

    public int Passed { get; private init; }

    public int Failed { get; private init; }

    public int Skipped { get; private init; }

    public IReadOnlyList<string> Failures { get; private init; } = [];

    /// <summary>Completed, Passed and Failed are the outcomes of a run that ran all its tests; anything else, or a run error, means it broke off.</summary>
    public bool Broke => Outcome is not ("Completed" or "Failed" or "Passed") || RunError.Length > 0;

    public static TrxSummary Read(string trxFile) =>
        Parse(XDocument.Load(trxFile), Path.GetFileNameWithoutExtension(trxFile));

    /// <summary>Reads a TRX document; <paramref name="fallbackName"/> names it when no test names its assembly.</summary>
    public static TrxSummary Parse(XDocument document, string fallbackName)
    {
        var summary = document.Descendants(Trx + "ResultSummary").SingleOrDefault()
            ?? throw new HarnessException($"{fallbackName}: the TRX file holds no ResultSummary");
        var counters = summary.Element(Trx + "Counters");
        int Count(string name) => int.TryParse((string?)counters?.Attribute(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

        var codeBase = document.Descendants(Trx + "TestMethod").Select(t => (string?)t.Attribute("codeBase")).FirstOrDefault(c => c is not null);
        var failures = document.Descendants(Trx + "UnitTestResult")
            .Where(r => (string?)r.Attribute("outcome") is "Failed" or "Error" or "Timeout" or "Aborted")
            .Select(r => $"{(string?)r.Attribute("testName")}: {Shorten(r.Descendants(Trx + "Message").Select(m => m.Value).FirstOrDefault() ?? string.Empty)}")
            .ToList();
        var runError = summary.Descendants(Trx + "RunInfo")
            .Where(i => (string?)i.Attribute("outcome") == "Error")
            .Select(i => i.Element(Trx + "Text")?.Value.Trim())
            .FirstOrDefault(t => !string.IsNullOrEmpty(t));

        return new TrxSummary
        {
            Assembly = codeBase is null ? fallbackName : Path.GetFileNameWithoutExtension(codeBase),
            Outcome = (string?)summary.Attribute("outcome") ?? string.Empty,
            Passed = Count("passed"),

            // Errors, timeouts and aborts are failures as far as the closing line is concerned.
            Failed = Count("failed") + Count("error") + Count("timeout") + Count("aborted"),

            // Ignored tests are counted in total but not in executed (notExecuted stays 0 for them).
            Skipped = Math.Max(Count("notExecuted"), Count("total") - Count("executed")),
            Failures = failures,
            RunError = runError is null ? string.Empty : ": " + runError.Split('\n')[0],
        };
    }

    public static TrxSummary Sum(IEnumerable<TrxSummary> runs)
    {
        var list = runs.ToList();
        return new TrxSummary
        {
            Assembly = "total",
            Outcome = "Completed",
            Passed = list.Sum(r => r.Passed),
            Failed = list.Sum(r => r.Failed),
            Skipped = list.Sum(r => r.Skipped),
        };
    }

    // One line of at most 200 characters.
    private static string Shorten(string message)
    {
        var oneLine = string.Join(" ", message.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        return oneLine.Length > 200 ? oneLine[..200] + "..." : oneLine;
    }
}
